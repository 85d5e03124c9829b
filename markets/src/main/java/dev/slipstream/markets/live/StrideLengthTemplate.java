package dev.slipstream.markets.live;

import dev.slipstream.markets.pricing.Normal;
import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.MarketTemplateKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * "Runner N's next stride is longer than X m": priced from the runner's recent strides as a normal
 * distribution (mean and spread of the last ten), decided by the first stride completed after the
 * market opened; void if the runner is lost or completes none before the window ends.
 */
public final class StrideLengthTemplate implements MarketTemplate {
  private static final int RECENT = 10;
  private final long windowMicros;

  public StrideLengthTemplate(long windowMicros) {
    this.windowMicros = windowMicros;
  }

  @Override
  public Optional<MarketSpec> propose(StreamAnalytics analytics, Supplier<String> newId) {
    long now = analytics.mediaTimeUs();
    for (TrackSeries track : analytics.activeTracks(5)) {
      List<TrackSeries.Sample> strides = track.strides();
      OptionalLong window = analytics.watchableWindow(track, windowMicros);
      if (window.isPresent()
          && strides.size() >= 5
          && strides.getLast().mediaTimeUs() >= now - 2_000_000) {
        double threshold = Math.round(mean(recent(strides)) * 20) / 20.0;
        return Optional.of(
            new MarketSpec(
                newId.get(),
                analytics.streamId(),
                MarketTemplateKind.MARKET_TEMPLATE_KIND_STRIDE_LENGTH,
                String.format(
                    Locale.ROOT,
                    "Runner %d's next stride is longer than %.2f m",
                    track.trackId(),
                    threshold),
                MarketSpec.YES_NO,
                track.trackId(),
                now,
                now + window.getAsLong(),
                threshold,
                ""));
      }
    }
    return Optional.empty();
  }

  @Override
  public double[] fairProbabilities(MarketSpec market, StreamAnalytics analytics) {
    List<TrackSeries.Sample> recent =
        recent(analytics.track(market.subjectTrackId()).orElseThrow().strides());
    double mean = mean(recent);
    double spread = Math.max(0.02, spread(recent, mean));
    double yes = MarketTemplate.bounded(1 - Normal.cdf((market.threshold() - mean) / spread));
    return new double[] {yes, 1 - yes};
  }

  @Override
  public Optional<Outcome> decide(
      MarketSpec market, AnalyticsFrame frame, StreamAnalytics analytics) {
    Optional<TrackSeries> track = analytics.track(market.subjectTrackId());
    if (track.isEmpty() || track.get().isLost()) {
      return Optional.of(
          Outcome.voided(
              frame.getMediaTimeUs(), "runner " + market.subjectTrackId() + " was lost"));
    }
    for (TrackSeries.Sample stride : track.get().strides()) {
      if (stride.mediaTimeUs() > market.windowStartUs()) {
        boolean longer = stride.value() > market.threshold();
        return Optional.of(
            Outcome.decided(
                longer ? 0 : 1,
                stride.mediaTimeUs(),
                String.format(Locale.ROOT, "the stride measured %.2f m", stride.value()),
                List.of(stride),
                market.windowStartUs()));
      }
    }
    if (frame.getMediaTimeUs() >= market.windowEndUs()) {
      return Optional.of(Outcome.voided(market.windowEndUs(), "no stride completed in the window"));
    }
    return Optional.empty();
  }

  private static List<TrackSeries.Sample> recent(List<TrackSeries.Sample> strides) {
    return strides.subList(Math.max(0, strides.size() - RECENT), strides.size());
  }

  private static double mean(List<TrackSeries.Sample> samples) {
    return samples.stream().mapToDouble(TrackSeries.Sample::value).average().orElse(0);
  }

  private static double spread(List<TrackSeries.Sample> samples, double mean) {
    double sum = 0;
    for (TrackSeries.Sample s : samples) {
      sum += (s.value() - mean) * (s.value() - mean);
    }
    return Math.sqrt(sum / Math.max(1, samples.size() - 1));
  }
}
