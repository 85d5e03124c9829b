package dev.slipstream.markets.live;

import dev.slipstream.markets.pricing.BarrierCrossing;
import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.MarketTemplateKind;
import dev.slipstream.wire.v1.Track;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * "Runner N tops X m/s in the next T s": priced as the speed series' chance of crossing X (barrier
 * crossing of its drift and volatility, watched at the analytics' frame rate), decided yes at the
 * first frame the track's speed reaches X, no when the window ends, void when the track is lost.
 */
public final class SpeedThresholdTemplate implements MarketTemplate {
  private static final double FRAME_INTERVAL_S = 1.0 / 15;
  private final long windowMicros;

  public SpeedThresholdTemplate(long windowMicros) {
    this.windowMicros = windowMicros;
  }

  @Override
  public Optional<MarketSpec> propose(StreamAnalytics analytics, Supplier<String> newId) {
    long now = analytics.mediaTimeUs();
    TrackSeries best = null;
    double bestThreshold = 0;
    long bestWindow = 0;
    double bestDistance = Double.MAX_VALUE;
    for (TrackSeries track : analytics.activeTracks(15)) {
      OptionalLong window = analytics.watchableWindow(track, windowMicros);
      if (window.isEmpty()) {
        continue;
      }
      // Thresholds on a half-metre ladder above the current speed; the one nearest evens.
      for (double step = 0.5; step <= 3; step += 0.5) {
        double threshold = Math.ceil((track.currentSpeed() + step) * 2) / 2;
        double p = probability(track, threshold, window.getAsLong() / 1e6);
        if (Math.abs(p - 0.5) < bestDistance) {
          bestDistance = Math.abs(p - 0.5);
          best = track;
          bestThreshold = threshold;
          bestWindow = window.getAsLong();
        }
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    String title =
        String.format(
            Locale.ROOT,
            "Runner %d tops %.1f m/s in the next %d s",
            best.trackId(),
            bestThreshold,
            bestWindow / 1_000_000);
    return Optional.of(
        new MarketSpec(
            newId.get(),
            analytics.streamId(),
            MarketTemplateKind.MARKET_TEMPLATE_KIND_SPEED_THRESHOLD,
            title,
            MarketSpec.YES_NO,
            best.trackId(),
            now,
            now + bestWindow,
            bestThreshold,
            ""));
  }

  @Override
  public double[] fairProbabilities(MarketSpec market, StreamAnalytics analytics) {
    TrackSeries track = analytics.track(market.subjectTrackId()).orElseThrow();
    double yes =
        MarketTemplate.bounded(
            probability(track, market.threshold(), market.secondsLeft(analytics.mediaTimeUs())));
    return new double[] {yes, 1 - yes};
  }

  @Override
  public Optional<Outcome> decide(
      MarketSpec market, AnalyticsFrame frame, StreamAnalytics analytics) {
    long now = frame.getMediaTimeUs();
    Optional<TrackSeries> series = analytics.track(market.subjectTrackId());
    for (Track track : frame.getTracksList()) {
      if (track.getTrackId() == market.subjectTrackId()
          && track.getSpeedMps() >= market.threshold()) {
        return Optional.of(
            Outcome.decided(
                0,
                now,
                String.format(
                    Locale.ROOT,
                    "runner %d reached %.2f m/s",
                    market.subjectTrackId(),
                    track.getSpeedMps()),
                series.map(s -> s.speedsSince(market.windowStartUs())).orElse(java.util.List.of()),
                market.windowStartUs()));
      }
    }
    if (series.isEmpty() || series.get().isLost()) {
      return Optional.of(Outcome.voided(now, "runner " + market.subjectTrackId() + " was lost"));
    }
    if (now >= market.windowEndUs()) {
      return Optional.of(
          Outcome.decided(
              1,
              market.windowEndUs(),
              String.format(
                  Locale.ROOT,
                  "runner %d stayed under %.1f m/s",
                  market.subjectTrackId(),
                  market.threshold()),
              series.get().speedsSince(market.windowStartUs()),
              market.windowStartUs()));
    }
    return Optional.empty();
  }

  private static double probability(TrackSeries track, double threshold, double seconds) {
    return BarrierCrossing.probability(
        track.currentSpeed(),
        threshold,
        seconds,
        track.drift(),
        Math.max(0.05, track.volatility()),
        FRAME_INTERVAL_S);
  }
}
