package dev.slipstream.vision.pipeline;

import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.vision.analytics.AnalyzerSettings;
import dev.slipstream.vision.analytics.FrameAnalyzer;
import dev.slipstream.vision.detect.Detector;
import dev.slipstream.vision.events.Zone;
import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.kinematics.Homography;
import dev.slipstream.vision.kinematics.SportProfile;
import dev.slipstream.vision.pose.PoseEstimator;
import dev.slipstream.wire.v1.AnalyticsFrame;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The vision pipeline of one stream: frames go in with {@link #offer}, one {@code AnalyticsFrame}
 * per processed frame comes out to the consumer, on the pipeline's own thread.
 *
 * <p>Design: the pipeline keeps up with the stream by skipping frames, never by queueing them. Its
 * mailbox holds one frame; {@link #offer} swaps the new frame in (never blocking, never allocating
 * a queue node) and a frame it displaces is counted as {@link SkipReason#SUPERSEDED}. The worker
 * takes whatever frame is in the mailbox when it finishes the last one, so the age of the frame it
 * works on is at most one frame interval plus one processing time, however slow the stages are. The
 * worker parks when the mailbox is empty; {@code offer} unparks it (a permit given before the park
 * makes the park return at once, so no wake-up is lost).
 *
 * <p>Calibration and zones change at runtime through single-slot hand-overs too: {@link
 * #recalibrate} and {@link #setZones} store the new value (validated on the caller's thread) and
 * the worker applies the newest one before its next frame, so the stages are only ever touched by
 * the worker. A stage that fails on a frame costs that frame, counted by reason in {@link
 * #stats()}; the pipeline goes on with the next. {@link #close()} stops the worker and closes the
 * detector and pose estimator, which the pipeline owns from {@link Builder#start()} on.
 */
public final class StreamPipeline implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(StreamPipeline.class.getName());
  private static final long CLOSE_WAIT_MILLIS = 10_000;

  private final String streamId;
  private final FrameProcessor processor;
  private final Consumer<AnalyticsFrame> output;
  private final AtomicReference<@Nullable VideoFrame> mailbox = new AtomicReference<>();
  private final AtomicReference<@Nullable Homography> newCalibration = new AtomicReference<>();
  private final AtomicReference<@Nullable List<Zone>> newZones = new AtomicReference<>();
  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong processed = new AtomicLong();
  private final Map<SkipReason, LongAdder> skipped = new EnumMap<>(SkipReason.class);
  private final Map<SkipReason, Counter> skipCounters = new EnumMap<>(SkipReason.class);
  private final @Nullable Counter processedCounter;
  private final Thread worker;
  private volatile boolean closed;

  private StreamPipeline(Builder builder, FrameProcessor processor) {
    this.streamId = builder.streamId;
    this.processor = processor;
    this.output = builder.output;
    for (SkipReason reason : SkipReason.values()) {
      skipped.put(reason, new LongAdder());
    }
    MeterRegistry meters = builder.meters;
    if (meters != null) {
      for (SkipReason reason : SkipReason.values()) {
        skipCounters.put(
            reason,
            Counter.builder("vision.frames.skipped")
                .description("frames the pipeline let go without analytics")
                .tag("stream", streamId)
                .tag("reason", reason.code())
                .register(meters));
      }
      processedCounter =
          Counter.builder("vision.frames.processed")
              .description("frames the pipeline analysed")
              .tag("stream", streamId)
              .register(meters);
    } else {
      processedCounter = null;
    }
    this.worker = new Thread(this::run, "vision-" + streamId);
    worker.setDaemon(true);
  }

  /**
   * Returns a builder for the pipeline of {@code streamId}, finding people with {@code detector} on
   * a view calibrated by {@code calibration}, handing its frames to {@code output}.
   */
  public static Builder builder(
      String streamId, Detector detector, Homography calibration, Consumer<AnalyticsFrame> output) {
    return new Builder(streamId, detector, calibration, output);
  }

  /**
   * Hands the pipeline a frame without waiting. A frame still waiting from before is replaced and
   * counted as skipped ({@link SkipReason#SUPERSEDED}).
   *
   * @return false, and the frame is dropped, once the pipeline is closed
   */
  public boolean offer(VideoFrame frame) {
    Objects.requireNonNull(frame, "frame");
    if (closed) {
      return false;
    }
    offered.incrementAndGet();
    if (mailbox.getAndSet(frame) != null) {
      skip(SkipReason.SUPERSEDED, "a newer frame arrived");
    }
    LockSupport.unpark(worker);
    return true;
  }

  /**
   * Replaces the calibration from the next processed frame on. Tracks keep their ids; their motion
   * starts afresh under the new calibration.
   */
  public void recalibrate(Homography calibration) {
    newCalibration.set(Objects.requireNonNull(calibration, "calibration"));
    LockSupport.unpark(worker);
  }

  /**
   * Replaces the stream's zones from the next processed frame on.
   *
   * @throws InvalidInputException if two zones share an id
   */
  public void setZones(List<Zone> zones) {
    List<Zone> copy = List.copyOf(zones);
    if (copy.stream().map(Zone::id).distinct().count() != copy.size()) {
      throw new InvalidInputException(
          "zone_duplicate_id", "zone ids must be unique within a stream");
    }
    newZones.set(copy);
    LockSupport.unpark(worker);
  }

  /** Returns how many frames were offered, processed and skipped (by reason) so far. */
  public PipelineStats stats() {
    Map<SkipReason, Long> counts = new EnumMap<>(SkipReason.class);
    skipped.forEach((reason, count) -> counts.put(reason, count.sum()));
    return new PipelineStats(offered.get(), processed.get(), counts);
  }

  /** Returns the stream this pipeline analyses. */
  public String streamId() {
    return streamId;
  }

  /**
   * Stops the worker after the frame it is on (a frame still waiting is dropped), then closes the
   * detector and pose estimator. Waits up to 10 s for the worker.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    LockSupport.unpark(worker);
    try {
      worker.join(CLOSE_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (worker.isAlive()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "vision pipeline of {0} still busy after {1} ms; left to finish on its own",
          streamId,
          CLOSE_WAIT_MILLIS);
    }
  }

  private void run() {
    try {
      while (!closed) {
        applyChanges();
        VideoFrame frame = mailbox.getAndSet(null);
        if (frame == null) {
          LockSupport.park(this);
          continue;
        }
        handle(frame);
      }
    } finally {
      processor.close();
    }
  }

  private void applyChanges() {
    Homography calibration = newCalibration.getAndSet(null);
    if (calibration != null) {
      processor.recalibrate(calibration);
    }
    List<Zone> zones = newZones.getAndSet(null);
    if (zones != null) {
      processor.setZones(zones);
    }
  }

  private void handle(VideoFrame frame) {
    switch (processor.process(frame)) {
      case FrameProcessor.Processed done -> {
        try {
          output.accept(done.frame());
          processed.incrementAndGet();
          if (processedCounter != null) {
            processedCounter.increment();
          }
        } catch (RuntimeException e) {
          skip(SkipReason.OUTPUT_FAILED, e.toString());
        }
      }
      case FrameProcessor.Skipped skip -> skip(skip.reason(), skip.detail());
    }
  }

  private void skip(SkipReason reason, String detail) {
    LongAdder count = skipped.get(reason);
    count.increment();
    Counter counter = skipCounters.get(reason);
    if (counter != null) {
      counter.increment();
    }
    // Superseded frames are the pipeline working as designed; failures are worth a line, once.
    if (reason != SkipReason.SUPERSEDED && count.sum() == 1) {
      LOG.log(
          System.Logger.Level.WARNING,
          "vision pipeline of {0} skipped a frame ({1}): {2}; later ones are only counted",
          streamId,
          reason.code(),
          detail);
    }
  }

  /** Sets up a {@link StreamPipeline}; {@link #start()} makes it and starts its thread. */
  public static final class Builder {
    private final String streamId;
    private final Detector detector;
    private final Homography calibration;
    private final Consumer<AnalyticsFrame> output;
    private AnalyzerSettings settings = AnalyzerSettings.defaults(SportProfile.sprint());
    private @Nullable PoseEstimator pose;
    private @Nullable MeterRegistry meters;
    private InstantSource clock = InstantSource.system();
    private List<Zone> zones = List.of();

    private Builder(
        String streamId,
        Detector detector,
        Homography calibration,
        Consumer<AnalyticsFrame> output) {
      if (streamId == null || streamId.isBlank()) {
        throw new IllegalArgumentException("pipeline streamId must not be blank");
      }
      this.streamId = streamId;
      this.detector = Objects.requireNonNull(detector, "detector");
      this.calibration = Objects.requireNonNull(calibration, "calibration");
      this.output = Objects.requireNonNull(output, "output");
    }

    /** Sets how tracks, motion and events are tuned; sprinting's defaults otherwise. */
    public Builder settings(AnalyzerSettings value) {
      this.settings = Objects.requireNonNull(value, "settings");
      return this;
    }

    /** Adds a pose stage run on every confirmed track; without one poses are not estimated. */
    public Builder pose(PoseEstimator value) {
      this.pose = Objects.requireNonNull(value, "pose");
      return this;
    }

    /** Records stage timers and frame counters in {@code value}. */
    public Builder meters(MeterRegistry value) {
      this.meters = Objects.requireNonNull(value, "meters");
      return this;
    }

    /** Sets the clock that stamps when frames are processed; the system clock otherwise. */
    public Builder clock(InstantSource value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Sets the zones watched from the first frame; none otherwise. */
    public Builder zones(List<Zone> value) {
      this.zones = List.copyOf(value);
      return this;
    }

    /**
     * Makes the pipeline and starts its thread; from here on the pipeline owns the detector and
     * pose estimator.
     *
     * @throws InvalidInputException if two zones share an id
     */
    public StreamPipeline start() {
      FrameAnalyzer analyzer = new FrameAnalyzer(calibration, settings);
      analyzer.setZones(zones);
      StageTimer timer = new StageTimer(streamId, meters, FrameProcessor.STAGES);
      FrameProcessor processor =
          new FrameProcessor(streamId, detector, pose, analyzer, timer, clock);
      StreamPipeline pipeline = new StreamPipeline(this, processor);
      pipeline.worker.start();
      return pipeline;
    }
  }
}
