package dev.slipstream.vision.detect.onnx;

import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.track.Detection;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the model's detection rows into people on the frame: keeps rows of the person class that
 * score at least the threshold, maps their boxes back through the letterbox, then drops any box
 * that overlaps a better one by more than the overlap threshold (greedy non-maximum suppression)
 * and keeps the best {@code maxPeople}.
 *
 * <p>A row with a non-finite value is skipped: one bad row must not cost the frame. Scores above 1
 * are taken as 1.
 */
final class PersonBoxes {
  /** Values per detection row: x1, y1, x2, y2, score, class. */
  static final int ROW = 6;

  private final OnnxDetectorSettings settings;

  PersonBoxes(OnnxDetectorSettings settings) {
    this.settings = settings;
  }

  /** Returns the people among the {@code rows} rows of {@code values}, best first. */
  List<Detection> decode(FloatBuffer values, int rows, Letterbox letterbox) {
    List<Detection> candidates = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      int at = r * ROW;
      float score = values.get(at + 4);
      float cls = values.get(at + 5);
      if (!(score >= settings.minScore()) || !Float.isFinite(cls)) {
        continue;
      }
      if (Math.round(cls) != settings.personClass()) {
        continue;
      }
      float x1 = values.get(at);
      float y1 = values.get(at + 1);
      float x2 = values.get(at + 2);
      float y2 = values.get(at + 3);
      if (!(Float.isFinite(x1) && Float.isFinite(y1) && Float.isFinite(x2) && Float.isFinite(y2))
          || !Float.isFinite(score)) {
        continue;
      }
      PixelBox box = letterbox.toFrame(x1, y1, x2, y2);
      if (box != null) {
        candidates.add(new Detection(box, Math.min(1, score)));
      }
    }
    return suppress(candidates);
  }

  private List<Detection> suppress(List<Detection> candidates) {
    candidates.sort(Comparator.comparingDouble(Detection::score).reversed());
    List<Detection> kept = new ArrayList<>();
    for (Detection candidate : candidates) {
      if (kept.size() == settings.maxPeople()) {
        break;
      }
      boolean overlaps = false;
      for (Detection better : kept) {
        if (better.box().intersectionOverUnion(candidate.box()) > settings.overlapThreshold()) {
          overlaps = true;
          break;
        }
      }
      if (!overlaps) {
        kept.add(candidate);
      }
    }
    return kept;
  }
}
