package dev.slipstream.markets.live;

import dev.slipstream.markets.pricing.EventHazard;
import dev.slipstream.wire.v1.AnalyticsEvent;
import dev.slipstream.wire.v1.AnalyticsEventType;
import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.MarketTemplateKind;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * "A jump within the next T s": priced from the stream's jump rate (a Gamma–Poisson hazard with a
 * prior of one jump a minute), decided yes by a jump event whose take-off falls in the window, no
 * when the window ends.
 */
public final class NextJumpTemplate implements MarketTemplate {
  private final long windowMicros;
  private final EventHazard hazard = new EventHazard(1, 60);

  public NextJumpTemplate(long windowMicros) {
    this.windowMicros = windowMicros;
  }

  @Override
  public Optional<MarketSpec> propose(StreamAnalytics analytics, Supplier<String> newId) {
    if (analytics.activeTracks(1).isEmpty()) {
      return Optional.empty();
    }
    long now = analytics.mediaTimeUs();
    return Optional.of(
        new MarketSpec(
            newId.get(),
            analytics.streamId(),
            MarketTemplateKind.MARKET_TEMPLATE_KIND_NEXT_JUMP,
            "A jump in the next " + windowMicros / 1_000_000 + " s",
            MarketSpec.YES_NO,
            0,
            now,
            now + windowMicros,
            0,
            ""));
  }

  @Override
  public double[] fairProbabilities(MarketSpec market, StreamAnalytics analytics) {
    double yes =
        MarketTemplate.bounded(
            hazard.probability(
                analytics.jumps(),
                analytics.secondsWatched(),
                market.secondsLeft(analytics.mediaTimeUs())));
    return new double[] {yes, 1 - yes};
  }

  @Override
  public Optional<Outcome> decide(
      MarketSpec market, AnalyticsFrame frame, StreamAnalytics analytics) {
    for (AnalyticsEvent event : frame.getEventsList()) {
      if (event.getType() == AnalyticsEventType.ANALYTICS_EVENT_TYPE_JUMP
          && event.getMediaTimeUs() >= market.windowStartUs()
          && event.getMediaTimeUs() < market.windowEndUs()) {
        return Optional.of(
            Outcome.decided(
                0,
                event.getMediaTimeUs(),
                String.format(
                    java.util.Locale.ROOT,
                    "runner %d jumped %.2f m",
                    event.getTrackId(),
                    event.getJumpHeightM()),
                List.of(new TrackSeries.Sample(event.getMediaTimeUs(), event.getJumpHeightM())),
                market.windowStartUs()));
      }
    }
    if (frame.getMediaTimeUs() >= market.windowEndUs()) {
      return Optional.of(
          Outcome.decided(
              1, market.windowEndUs(), "no jump in the window", List.of(), market.windowStartUs()));
    }
    return Optional.empty();
  }
}
