package dev.slipstream.vision.pose.blazepose;

import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.pose.Pose;
import dev.slipstream.vision.pose.PoseEstimator;
import dev.slipstream.vision.pose.blazepose.TensorSampler.Border;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * BlazePose GHUM landmarks for one person at a time. Like MediaPipe's {@code pose_landmark_by_roi}
 * graph it crops a square around the person (the body's extent × {@link
 * EstimatorSettings#regionScale()}, turned upright when the detector's keypoints give the tilt),
 * resamples it to the model's 256×256 RGB input in 0..1, runs the landmark model and maps the 33
 * landmarks back to frame pixels. No pose is returned when the body-presence score is below {@link
 * EstimatorSettings#minPresence()}.
 *
 * <p>Bad input never throws: an empty box, a box off the frame or an inference error gives no pose
 * and is counted by {@link SkipReason}. The pipeline can switch to {@link LandmarkModel#LITE} when
 * it falls behind with {@link #useModel(LandmarkModel)}; each model gets its own interpreter,
 * loaded on first use and kept until {@link #close()}. One instance serves one stream from one
 * thread.
 */
public final class BlazePoseEstimator implements PoseEstimator {

  private static final int SIZE = 256;
  private static final int[] INPUT_SHAPE = {1, SIZE, SIZE, 3};
  private static final int[] LANDMARKS_SHAPE = {
    1, LandmarkOutputs.LANDMARKS * LandmarkOutputs.VALUES_PER_LANDMARK
  };
  private static final int[] PRESENCE_SHAPE = {1, 1};

  private final EstimatorSettings settings;
  private final Map<LandmarkModel, TfLiteInterpreter> interpreters =
      new EnumMap<>(LandmarkModel.class);
  private final long[] skipped = new long[SkipReason.values().length];
  private final float[] input = new float[SIZE * SIZE * 3];
  private final float[] landmarks = new float[LANDMARKS_SHAPE[1]];
  private final float[] presence = new float[1];
  private LandmarkModel model;
  private boolean closed;

  private BlazePoseEstimator(EstimatorSettings settings) {
    this.settings = settings;
    this.model = settings.model();
    interpreter(model);
  }

  /**
   * Loads the landmark model named in {@code settings} and returns an estimator.
   *
   * @throws ModelFileException naming the model file when it is missing, changed or unusable
   */
  public static BlazePoseEstimator create(EstimatorSettings settings) {
    return new BlazePoseEstimator(settings);
  }

  /** Returns an estimator with {@link EstimatorSettings#defaults()}. */
  public static BlazePoseEstimator create() {
    return create(EstimatorSettings.defaults());
  }

  /**
   * Returns the pose of the person in {@code box}, cropping an upright square around it: the path
   * for boxes from the tracker.
   */
  @Override
  public Optional<Pose> estimate(VideoFrame frame, PixelBox box) {
    checkOpen();
    if (box.width() <= 0 || box.height() <= 0) {
      return skip(SkipReason.EMPTY_BOX);
    }
    return estimate(frame, RegionOfInterest.around(box, settings.regionScale()));
  }

  /**
   * Returns the pose of a person the {@link BlazePoseDetector} found, cropping around the body
   * circle turned by the body's tilt, as MediaPipe does for a fresh detection.
   */
  public Optional<Pose> estimate(VideoFrame frame, PersonDetection person) {
    checkOpen();
    if (!(person.bodyRadius() > 0)) {
      return skip(SkipReason.EMPTY_BOX);
    }
    return estimate(frame, RegionOfInterest.around(person, settings.regionScale()));
  }

  /**
   * Runs {@code next} from the next call on, loading its interpreter now if this estimator has not
   * used it yet (tens of milliseconds; switch ahead of need, e.g. when a frame queue starts to
   * grow).
   *
   * @throws ModelFileException naming the model file when it is missing, changed or unusable
   */
  public void useModel(LandmarkModel next) {
    checkOpen();
    interpreter(next);
    model = next;
  }

  /** Returns the landmark model the next call runs. */
  public LandmarkModel model() {
    return model;
  }

  /** Returns how many calls gave no pose for {@code reason} since the estimator was created. */
  public long skipped(SkipReason reason) {
    return skipped[reason.ordinal()];
  }

  /** Returns {@code blazepose-full} or {@code blazepose-lite}, after the model now in use. */
  @Override
  public String name() {
    return model.metricName();
  }

  @Override
  public void close() {
    closed = true;
    interpreters.values().forEach(TfLiteInterpreter::close);
    interpreters.clear();
  }

  private Optional<Pose> estimate(VideoFrame frame, RegionOfInterest region) {
    if (!region.overlapsFrame(frame.width(), frame.height())) {
      return skip(SkipReason.OUTSIDE_FRAME);
    }
    TensorFrameMap map = TensorFrameMap.region(region, SIZE);
    TensorSampler.fill(frame, map, Border.REPLICATE, 0, 1, input);
    TfLiteInterpreter interpreter = interpreter(model);
    interpreter.setInput(input);
    if (!interpreter.invoke()) {
      return skip(SkipReason.INFERENCE_FAILED);
    }
    interpreter.readOutput(1, presence);
    if (!(presence[0] >= settings.minPresence())) {
      return skip(SkipReason.NO_BODY);
    }
    interpreter.readOutput(0, landmarks);
    return Optional.of(LandmarkOutputs.toPose(landmarks, map, presence[0]));
  }

  private TfLiteInterpreter interpreter(LandmarkModel landmarkModel) {
    return interpreters.computeIfAbsent(
        landmarkModel,
        m ->
            TfLiteInterpreter.load(
                settings.models(),
                m.fileName(),
                settings.threads(),
                INPUT_SHAPE,
                LANDMARKS_SHAPE,
                PRESENCE_SHAPE));
  }

  private Optional<Pose> skip(SkipReason reason) {
    skipped[reason.ordinal()]++;
    return Optional.empty();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the BlazePose estimator is closed");
    }
  }
}
