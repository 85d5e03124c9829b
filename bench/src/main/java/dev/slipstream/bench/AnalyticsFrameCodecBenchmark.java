package dev.slipstream.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.BoundingBox;
import dev.slipstream.wire.v1.GroundVector;
import dev.slipstream.wire.v1.Keypoint;
import dev.slipstream.wire.v1.Pose;
import dev.slipstream.wire.v1.Track;
import dev.slipstream.wire.v1.TrackState;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding and decoding one analytics frame of the goal workload (4 athletes, each with a track and
 * a 33-keypoint pose): the cost every frame pays on its way from vision to viewers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AnalyticsFrameCodecBenchmark {
  private AnalyticsFrame frame;
  private byte[] bytes;

  /** Builds a frame with seeded values. */
  @Setup
  public void buildFrame() {
    SplittableRandom random = new SplittableRandom(42);
    AnalyticsFrame.Builder builder =
        AnalyticsFrame.newBuilder()
            .setStreamId("str_benchmark00000000")
            .setMediaTimeUs(12_345_678L)
            .setFrameIndex(185)
            .setFrameWidth(640)
            .setFrameHeight(360);
    for (int athlete = 1; athlete <= 4; athlete++) {
      builder.addTracks(
          Track.newBuilder()
              .setTrackId(athlete)
              .setBbox(
                  BoundingBox.newBuilder()
                      .setX((float) random.nextDouble(600))
                      .setY((float) random.nextDouble(300))
                      .setWidth(40)
                      .setHeight(110))
              .setConfidence(0.9f)
              .setState(TrackState.TRACK_STATE_CONFIRMED)
              .setPositionM(GroundVector.newBuilder().setX(31.5f).setY(2.4f * athlete))
              .setVelocityMps(GroundVector.newBuilder().setX(9.1f).setY(0.1f))
              .setSpeedMps(9.1f)
              .setAccelerationMps2(0.4f)
              .setDistanceM(31.5f)
              .setTopSpeedMps(9.4f));
      Pose.Builder pose = Pose.newBuilder().setTrackId(athlete).setScore(0.88f);
      for (int k = 0; k < 33; k++) {
        pose.addKeypoints(
            Keypoint.newBuilder()
                .setX((float) random.nextDouble())
                .setY((float) random.nextDouble())
                .setZ((float) random.nextDouble())
                .setVisibility((float) random.nextDouble()));
      }
      builder.addPoses(pose);
    }
    frame = builder.build();
    bytes = frame.toByteArray();
  }

  /** Serialises the frame. */
  @Benchmark
  public byte[] encode() {
    return frame.toByteArray();
  }

  /** Parses the frame. */
  @Benchmark
  public AnalyticsFrame decode() throws InvalidProtocolBufferException {
    return AnalyticsFrame.parseFrom(bytes);
  }
}
