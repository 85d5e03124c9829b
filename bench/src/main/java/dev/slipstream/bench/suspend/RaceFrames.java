package dev.slipstream.bench.suspend;

import dev.slipstream.wire.v1.AnalyticsEvent;
import dev.slipstream.wire.v1.AnalyticsEventType;
import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.Kinematics;
import dev.slipstream.wire.v1.Track;
import dev.slipstream.wire.v1.TrackState;
import java.util.SplittableRandom;

/**
 * One stream's analytics as the vision pipeline sends them, 15 frames a second: three runners whose
 * speeds wander around 8 m/s, runner 1's stride every 0.4 s, a jump now and then (every 2–6 s, by a
 * random runner) and runner 2 entering the box every 7 s, so every kind of market opens and the
 * frames carrying those events decide them. Seeded: the same seed gives the same race.
 */
final class RaceFrames {
  static final long FRAME_MICROS = 1_000_000 / 15;

  private final String streamId;
  private final SplittableRandom random;
  private final double[] speed = {7.9, 7.2, 8.1};
  private long mediaTimeUs;
  private long nextJumpUs;

  RaceFrames(String streamId, long seed) {
    this.streamId = streamId;
    this.random = new SplittableRandom(seed);
    this.nextJumpUs = 2_000_000 + random.nextLong(4_000_000);
  }

  /** The next frame, one frame period after the last. */
  AnalyticsFrame next() {
    mediaTimeUs += FRAME_MICROS;
    long t = mediaTimeUs;
    AnalyticsFrame.Builder frame =
        AnalyticsFrame.newBuilder().setStreamId(streamId).setMediaTimeUs(t);
    for (int i = 0; i < speed.length; i++) {
      // Mean-reverting around 8 m/s, so speed markets keep opening and deciding both ways.
      speed[i] += 0.15 * (8.0 - speed[i]) * FRAME_MICROS / 1e6 + 0.12 * random.nextGaussian();
      frame.addTracks(
          Track.newBuilder()
              .setTrackId(i + 1)
              .setState(TrackState.TRACK_STATE_CONFIRMED)
              .setSpeedMps((float) speed[i]));
    }
    if (t % 400_000 < FRAME_MICROS) {
      frame.addKinematics(
          Kinematics.newBuilder()
              .setTrackId(1)
              .setStrideLengthM((float) (2.0 + 0.1 * random.nextGaussian())));
    }
    if (t >= nextJumpUs) {
      nextJumpUs = t + 2_000_000 + random.nextLong(4_000_000);
      frame.addEvents(
          event(AnalyticsEventType.ANALYTICS_EVENT_TYPE_JUMP, 1 + random.nextInt(3), t)
              .setJumpHeightM((float) (0.3 + 0.2 * random.nextDouble())));
    }
    if (t % 7_000_000 < FRAME_MICROS) {
      frame.addEvents(
          event(AnalyticsEventType.ANALYTICS_EVENT_TYPE_ZONE_ENTRY, 2, t).setZoneId("box"));
    }
    return frame.build();
  }

  private static AnalyticsEvent.Builder event(AnalyticsEventType type, int track, long t) {
    return AnalyticsEvent.newBuilder().setType(type).setTrackId(track).setMediaTimeUs(t);
  }
}
