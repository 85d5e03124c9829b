package dev.slipstream.markets.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.GroundVector;
import dev.slipstream.wire.v1.Track;
import dev.slipstream.wire.v1.TrackState;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Runners cross a camera's view from x = 30 m to x = 66 m, the way the demo's athletes do, and are
 * lost at its edge: markets about one runner get windows that end before the runner leaves the
 * picture, and none at all once too little of the crossing is left.
 */
class WatchableWindowTest {
  private static final long FRAME = 1_000_000 / 15;
  private static final double VIEW_START = 30;
  private static final double VIEW_END = 66;

  @Test
  void beforeAnyoneHasCrossedTheViewTheTemplateWindowStands() {
    StreamAnalytics analytics = new StreamAnalytics("str");
    for (int i = 0; i < StreamAnalytics.FOLLOWED_SAMPLES; i++) {
      // A jogger covering 2 m: not enough ground to know where the picture ends.
      analytics.add(frame(i * FRAME, track(1, VIEW_START + i * 2.0 / 15, 2, 2)));
    }
    TrackSeries runner = analytics.track(1).orElseThrow();
    assertThat(analytics.watchableWindow(runner, 10_000_000)).hasValue(10_000_000);
  }

  @Test
  void aMarketAboutARunnerEndsBeforeTheRunnerLeavesThePicture() {
    StreamAnalytics analytics = new StreamAnalytics("str");
    // Runner 1 crosses the whole view at 8 m/s (4.5 s), teaching where the picture ends.
    long t = 0;
    for (double x = VIEW_START; x <= VIEW_END; x += 8.0 / 15, t += FRAME) {
      analytics.add(frame(t, track(1, x, 2, 8)));
    }
    // Runner 2 came in at 6 m/s and has been followed for a second: 5 s to go, 4 watchable.
    double x2 = VIEW_START;
    for (int i = 0; i < StreamAnalytics.FOLLOWED_SAMPLES; i++, t += FRAME, x2 += 6.0 / 15) {
      analytics.add(frame(t, track(2, x2, 4, 6)));
      if (i == 0) {
        assertThat(analytics.watchableWindow(analytics.track(2).orElseThrow(), 10_000_000))
            .as("a track just born")
            .isEmpty();
      }
    }
    TrackSeries fresh = analytics.track(2).orElseThrow();
    assertThat(analytics.watchableWindow(fresh, 10_000_000)).hasValue(4_000_000);
    // The same runner with 12 m to go at 6 m/s has 2 s: too short for a market.
    analytics.add(frame(t + FRAME, track(2, VIEW_END - 12, 4, 6)));
    assertThat(analytics.watchableWindow(fresh, 10_000_000)).isEmpty();
    // Someone standing still stays in the picture: the template's window stands.
    for (int i = 2; i < 2 + StreamAnalytics.FOLLOWED_SAMPLES; i++) {
      analytics.add(frame(t + i * FRAME, track(3, 40, 6, 0)));
    }
    assertThat(analytics.watchableWindow(analytics.track(3).orElseThrow(), 10_000_000))
        .hasValue(10_000_000);
  }

  @Test
  void speedMarketsAreOnlyOpenedOnRunnersWhoStayInViewForTheirWindow() {
    StreamAnalytics analytics = new StreamAnalytics("str");
    SpeedThresholdTemplate template = new SpeedThresholdTemplate(10_000_000);
    SplittableRandom random = new SplittableRandom(11);
    long t = 0;
    int proposed = 0;
    // Two runners a second apart cross the view at about 7 m/s, then the next pair comes in.
    for (int lap = 0; lap < 3; lap++) {
      for (double x = VIEW_START; x <= VIEW_END; x += 7.0 / 15, t += FRAME) {
        double speed = 7 + 0.2 * random.nextGaussian();
        AnalyticsFrame.Builder frame = AnalyticsFrame.newBuilder().setMediaTimeUs(t);
        frame.addTracks(track(10 * lap + 1, x, 2, speed));
        if (x - 7 >= VIEW_START) {
          frame.addTracks(track(10 * lap + 2, x - 7, 4, speed));
        }
        analytics.add(frame.build());
        if (lap == 0) {
          continue;
        }
        Optional<MarketSpec> market = template.propose(analytics, () -> "m");
        market.ifPresent(
            m -> {
              TrackSeries subject = analytics.track(m.subjectTrackId()).orElseThrow();
              double secondsToLeave = (VIEW_END - lastX(analytics, m.subjectTrackId())) / 7.0;
              assertThat((m.windowEndUs() - m.windowStartUs()) / 1e6)
                  .as("%s with %.1f s left in view", m.title(), secondsToLeave)
                  .isLessThanOrEqualTo(secondsToLeave + 0.3)
                  .isGreaterThanOrEqualTo(3);
              assertThat(m.title())
                  .endsWith(
                      "in the next " + (m.windowEndUs() - m.windowStartUs()) / 1_000_000 + " s");
              assertThat(subject.isLost()).isFalse();
            });
      }
    }
  }

  private final java.util.Map<Integer, Double> lastX = new java.util.HashMap<>();

  private double lastX(StreamAnalytics analytics, int trackId) {
    return lastX.get(trackId);
  }

  private Track track(int id, double x, double y, double speed) {
    lastX.put(id, x);
    return Track.newBuilder()
        .setTrackId(id)
        .setState(TrackState.TRACK_STATE_CONFIRMED)
        .setSpeedMps((float) speed)
        .setPositionM(GroundVector.newBuilder().setX((float) x).setY((float) y))
        .setVelocityMps(GroundVector.newBuilder().setX((float) speed).setY(0))
        .build();
  }

  private static AnalyticsFrame frame(long t, Track track) {
    return AnalyticsFrame.newBuilder().setMediaTimeUs(t).addTracks(track).build();
  }
}
