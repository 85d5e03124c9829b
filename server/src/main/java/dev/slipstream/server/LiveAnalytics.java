package dev.slipstream.server;

import dev.slipstream.media.decode.DecodeTapSettings;
import dev.slipstream.media.decode.DecodedFrame;
import dev.slipstream.media.decode.FrameTap;
import dev.slipstream.media.sfu.LiveStreamWatcher;
import dev.slipstream.media.sfu.MediaServer;
import dev.slipstream.platform.bus.EventBus;
import dev.slipstream.vision.detect.BackgroundSubtractionDetector;
import dev.slipstream.vision.detect.BackgroundSubtractionSettings;
import dev.slipstream.vision.detect.Detector;
import dev.slipstream.vision.detect.onnx.OnnxDetector;
import dev.slipstream.vision.detect.onnx.OnnxDetectorSettings;
import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.kinematics.Homography;
import dev.slipstream.vision.pipeline.StreamPipeline;
import dev.slipstream.vision.pose.blazepose.BlazePoseEstimator;
import dev.slipstream.vision.pose.blazepose.EstimatorSettings;
import dev.slipstream.vision.pose.blazepose.LandmarkModel;
import dev.slipstream.wire.v1.AnalyticsFrame;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vision role on a node that also runs the media plane: each live stream with a calibration
 * gets a decode tap (15 fps, 640 px) feeding its own vision pipeline, whose analytics frames go on
 * the bus ({@code stream.<id>.analytics}) and to the node's other consumers (the markets). The
 * pipeline starts when the stream goes live and stops when it goes idle; when the stream's
 * calibration or zones change it restarts with the new view (or stops, if the view was removed).
 * People are found by background subtraction, or by a user-supplied ONNX model (one session per
 * stream).
 */
final class LiveAnalytics implements LiveStreamWatcher, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveAnalytics.class);

  /** Which pose model the pipeline runs on each confirmed athlete, if any. */
  enum PoseModel {
    OFF,
    LITE,
    FULL
  }

  private record Running(StreamPipeline pipeline, FrameTap tap) {}

  private final MediaServer media;
  private final EventBus bus;
  private final StreamCalibrations calibrations;
  private final PoseModel pose;
  private final Optional<Path> onnxModel;
  private final MeterRegistry registry;
  private final InstantSource clock;
  private final List<Consumer<AnalyticsFrame>> consumers = new CopyOnWriteArrayList<>();
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final Set<String> live = ConcurrentHashMap.newKeySet();

  LiveAnalytics(
      MediaServer media,
      EventBus bus,
      StreamCalibrations calibrations,
      PoseModel pose,
      Optional<Path> onnxModel,
      MeterRegistry registry,
      InstantSource clock) {
    this.media = media;
    this.bus = bus;
    this.calibrations = calibrations;
    this.pose = pose;
    this.onnxModel = onnxModel;
    this.registry = registry;
    this.clock = clock;
  }

  /** Adds a consumer of every stream's analytics frames (called on the stream's vision thread). */
  void addConsumer(Consumer<AnalyticsFrame> consumer) {
    consumers.add(consumer);
  }

  /** The bus topic of a stream's analytics frames. */
  static String topic(String streamId) {
    return "stream." + streamId + ".analytics";
  }

  @Override
  public void streamLive(String streamId) {
    live.add(streamId);
    start(streamId);
  }

  /** Restarts a live stream's pipeline with its new view, or stops it if the view is gone. */
  void viewChanged(String streamId) {
    if (!live.contains(streamId)) {
      return;
    }
    stop(streamId);
    log.info("stream {}: its calibration or zones changed", streamId);
    start(streamId);
  }

  private synchronized void start(String streamId) {
    if (running.containsKey(streamId) || !live.contains(streamId)) {
      return;
    }
    var view = calibrations.of(streamId);
    if (view.isEmpty()) {
      log.info("stream {} has no calibration; vision leaves it alone", streamId);
      return;
    }
    Detector detector;
    try {
      detector = detector(view.get().calibration());
    } catch (RuntimeException e) {
      log.warn("stream {}: vision cannot load its detector: {}", streamId, e.getMessage());
      return;
    }
    StreamPipeline.Builder builder =
        StreamPipeline.builder(
                streamId, detector, view.get().calibration(), frame -> publish(streamId, frame))
            .zones(view.get().zones())
            .meters(registry)
            .clock(clock);
    if (pose != PoseModel.OFF) {
      builder.pose(
          BlazePoseEstimator.create(
              new EstimatorSettings(
                  EstimatorSettings.defaults().models(),
                  pose == PoseModel.FULL ? LandmarkModel.FULL : LandmarkModel.LITE,
                  1,
                  0.5,
                  1.25)));
    }
    StreamPipeline pipeline = builder.start();
    try {
      FrameTap tap = media.tap(streamId, DecodeTapSettings.VISION, frame -> offer(pipeline, frame));
      running.put(streamId, new Running(pipeline, tap));
      log.info(
          "stream {}: vision pipeline running ({}, pose {})",
          streamId,
          detector.name(),
          pose.name().toLowerCase(java.util.Locale.ROOT));
    } catch (RuntimeException e) {
      pipeline.close();
      log.warn("stream {}: cannot tap its video for vision: {}", streamId, e.getMessage());
    }
  }

  private Detector detector(Homography calibration) {
    return onnxModel
        .<Detector>map(model -> OnnxDetector.create(OnnxDetectorSettings.defaults(model)))
        .orElseGet(
            () ->
                new BackgroundSubtractionDetector(
                    BackgroundSubtractionSettings.defaults(), calibration));
  }

  @Override
  public void streamIdle(String streamId) {
    live.remove(streamId);
    stop(streamId);
  }

  private synchronized void stop(String streamId) {
    @Nullable Running stopped = running.remove(streamId);
    if (stopped != null) {
      stopped.tap().close();
      stopped.pipeline().close();
      log.info("stream {}: vision pipeline stopped", streamId);
    }
  }

  private static void offer(StreamPipeline pipeline, DecodedFrame frame) {
    pipeline.offer(
        new VideoFrame(
            frame.mediaTimeMicros(),
            frame.arrivedAt().getEpochSecond() * 1_000_000 + frame.arrivedAt().getNano() / 1_000,
            frame.width(),
            frame.height(),
            frame.bgr()));
  }

  private void publish(String streamId, AnalyticsFrame frame) {
    bus.append(topic(streamId), frame.toByteArray());
    for (Consumer<AnalyticsFrame> consumer : consumers) {
      try {
        consumer.accept(frame);
      } catch (RuntimeException e) {
        log.warn("stream {}: an analytics consumer failed: {}", streamId, e.toString());
      }
    }
  }

  @Override
  public void close() {
    live.clear();
    List.copyOf(running.keySet()).forEach(this::stop);
  }
}
