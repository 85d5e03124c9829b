package dev.slipstream.vision.kinematics;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelPoint;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * Ground contacts of one foot: the foot is down while it is near the lowest point it reached on the
 * frame recently (the ground under it) and nearly still.
 *
 * <p>"Lowest" is largest y on the frame; see {@link #groundLevel()}. Both tests are needed: height
 * alone mistakes the low swing of a shuffling foot for contact, stillness alone mistakes the top of
 * a vertical jump for it. Stillness is judged on the frame, in leg lengths per second, not on the
 * ground plane: a camera looking down at a shallow angle turns half a pixel of keypoint noise into
 * several centimetres of depth, which between two frames at 30 fps reads as a foot sliding at 1 to
 * 2 m/s while it stands still.
 */
final class FootTracker {
  private record Height(long timeUs, double y) {}

  /** A completed ground contact. */
  record Contact(long startUs, long endUs, GroundPoint position) {
    double durationMs() {
      return (endUs - startUs) / 1e3;
    }
  }

  private final GaitSettings settings;
  private final Deque<Height> recent = new ArrayDeque<>();
  private @Nullable PixelPoint previousImage;
  private long previousTimeUs;
  private boolean down;
  private long contactStartUs;
  private double sumX;
  private double sumY;
  private int contactSamples;

  FootTracker(GaitSettings settings) {
    this.settings = settings;
  }

  boolean isDown() {
    return down;
  }

  /**
   * Takes the foot's position on this frame; returns the contact that ended on it, if one did.
   *
   * @param image the middle of the sole on the frame
   * @param ground where that point is on the ground
   * @param legLengthPx hip-to-ankle length on the frame, the scale for "near the ground"
   */
  @Nullable Contact observe(long timeUs, PixelPoint image, GroundPoint ground, double legLengthPx) {
    recent.addLast(new Height(timeUs, image.y()));
    while (timeUs - recent.peekFirst().timeUs() > settings.groundWindowUs()) {
      recent.removeFirst();
    }
    double groundY = groundLevel();
    boolean low = groundY - image.y() <= settings.contactHeightFraction() * legLengthPx;
    boolean still = true;
    if (previousImage != null) {
      double legLengthsPerSecond =
          image.distanceTo(previousImage) / legLengthPx / ((timeUs - previousTimeUs) / 1e6);
      still = legLengthsPerSecond <= settings.stationaryLegLengthsPerSecond();
    }
    previousImage = image;
    previousTimeUs = timeUs;
    boolean nowDown = low && still;
    Contact ended = null;
    if (nowDown && !down) {
      contactStartUs = timeUs;
      sumX = 0;
      sumY = 0;
      contactSamples = 0;
    } else if (!nowDown && down) {
      ended =
          new Contact(
              contactStartUs,
              timeUs,
              new GroundPoint(sumX / contactSamples, sumY / contactSamples));
    }
    if (nowDown) {
      sumX += ground.x();
      sumY += ground.y();
      contactSamples++;
    }
    down = nowDown;
    return ended;
  }

  /**
   * Returns the foot's ground level on the frame: the mean of the lowest quarter of its recent
   * positions. The single lowest would sit a noise spike below the real ground and make a planted
   * foot look lifted; a quarter still holds the foot's contacts, which take a third of a stride or
   * more.
   */
  private double groundLevel() {
    double[] ys = recent.stream().mapToDouble(Height::y).sorted().toArray();
    int quarter = Math.max(1, ys.length / 4);
    double sum = 0;
    for (int i = ys.length - quarter; i < ys.length; i++) {
      sum += ys[i];
    }
    return sum / quarter;
  }

  /** Forgets the foot's history, as when it was not visible. */
  void reset() {
    recent.clear();
    previousImage = null;
    down = false;
  }
}
