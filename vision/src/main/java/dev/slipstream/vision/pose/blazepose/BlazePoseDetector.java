package dev.slipstream.vision.pose.blazepose;

import dev.slipstream.vision.detect.Detector;
import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.geometry.PixelPoint;
import dev.slipstream.vision.pose.blazepose.DetectorOutputs.Candidate;
import dev.slipstream.vision.pose.blazepose.TensorSampler.Border;
import dev.slipstream.vision.track.Detection;
import java.util.ArrayList;
import java.util.List;

/**
 * The BlazePose person detector ({@code pose_detection.tflite}) for close shots, where people are
 * large on the frame. Like MediaPipe's {@code pose_detection_cpu} graph it letterboxes the whole
 * frame into a 224×224 input, decodes 2254 SSD anchors and merges overlapping hits with weighted
 * non-maximum suppression. Each person comes back as a square around the body circle the model
 * predicts (see {@link PersonDetection}).
 *
 * <p>One instance owns one TensorFlow Lite interpreter and serves one stream from one thread. An
 * inference error gives no people for that frame and is counted, never thrown.
 */
public final class BlazePoseDetector implements Detector {

  static final String MODEL_FILE = "pose_detection.tflite";
  private static final int SIZE = SsdAnchors.INPUT_SIZE;

  private final DetectorSettings settings;
  private final TfLiteInterpreter interpreter;
  private final double[] anchorCentres = SsdAnchors.centres();
  private final float[] input = new float[SIZE * SIZE * 3];
  private final float[] regressors;
  private final float[] logits;
  private long failedInferences;

  private BlazePoseDetector(DetectorSettings settings) {
    this.settings = settings;
    int anchors = anchorCentres.length / 2;
    this.regressors = new float[anchors * DetectorOutputs.VALUES_PER_ANCHOR];
    this.logits = new float[anchors];
    this.interpreter =
        TfLiteInterpreter.load(
            settings.models(),
            MODEL_FILE,
            settings.threads(),
            new int[] {1, SIZE, SIZE, 3},
            new int[] {1, anchors, DetectorOutputs.VALUES_PER_ANCHOR},
            new int[] {1, anchors, 1});
  }

  /**
   * Loads the detector model and returns a detector.
   *
   * @throws ModelFileException naming the model file when it is missing, changed or unusable
   */
  public static BlazePoseDetector create(DetectorSettings settings) {
    return new BlazePoseDetector(settings);
  }

  /** Returns a detector with {@link DetectorSettings#defaults()}. */
  public static BlazePoseDetector create() {
    return create(DetectorSettings.defaults());
  }

  @Override
  public List<Detection> detect(VideoFrame frame) {
    return detectPeople(frame).stream().map(PersonDetection::toDetection).toList();
  }

  /** Returns the people on {@code frame} with the detector's keypoints, best first. */
  public List<PersonDetection> detectPeople(VideoFrame frame) {
    TensorFrameMap map = TensorFrameMap.letterbox(frame.width(), frame.height(), SIZE);
    TensorSampler.fill(frame, map, Border.BLACK, -1, 1, input);
    interpreter.setInput(input);
    if (!interpreter.invoke()) {
      failedInferences++;
      return List.of();
    }
    interpreter.readOutput(0, regressors);
    interpreter.readOutput(1, logits);
    List<Candidate> merged =
        WeightedNonMaxSuppression.apply(
            DetectorOutputs.decode(regressors, logits, anchorCentres, SIZE, settings.minScore()),
            settings.overlapThreshold(),
            settings.maxPeople());
    List<PersonDetection> people = new ArrayList<>(merged.size());
    for (Candidate candidate : merged) {
      people.add(toFrame(candidate, map, frame.width(), frame.height()));
    }
    return people;
  }

  /** Returns how many frames found no people because TensorFlow Lite reported an error. */
  public long failedInferences() {
    return failedInferences;
  }

  @Override
  public String name() {
    return "blazepose-detector";
  }

  @Override
  public void close() {
    interpreter.close();
  }

  private static PersonDetection toFrame(
      Candidate candidate, TensorFrameMap map, int width, int height) {
    double[] c = candidate.coords();
    double step = map.frameStep();
    PixelPoint hip = map.toFrame(c[4], c[5]);
    PixelPoint bodyScale = map.toFrame(c[6], c[7]);
    double radius = hip.distanceTo(bodyScale);
    PixelBox headBox =
        PixelBox.centredAt(
            map.frameX(c[0], c[1]),
            map.frameY(c[0], c[1]),
            Math.max(0, c[2]) * step,
            Math.max(0, c[3]) * step);
    return new PersonDetection(
        cutToFrame(PixelBox.centredAt(hip.x(), hip.y(), 2 * radius, 2 * radius), width, height),
        Math.clamp(candidate.score(), 0, 1),
        headBox,
        hip,
        bodyScale,
        map.toFrame(c[8], c[9]),
        map.toFrame(c[10], c[11]));
  }

  private static PixelBox cutToFrame(PixelBox box, int width, int height) {
    double left = Math.clamp(box.x(), 0, width);
    double top = Math.clamp(box.y(), 0, height);
    double right = Math.clamp(box.right(), 0, width);
    double bottom = Math.clamp(box.bottom(), 0, height);
    return new PixelBox(left, top, right - left, bottom - top);
  }
}
