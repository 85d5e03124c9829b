package dev.slipstream.markets.live;

import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.MarketTemplateKind;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * "Who is fastest over the next T s?" among two to four athletes: each one's mean speed over the
 * window is normal around its speed now plus half its drift over the rest of the window, with the
 * variance its volatility gives a time average (σ²T/3); the chances come from a seeded simulation
 * of those, so the same state always prices the same. Decided at the window's end by the mean
 * speeds measured; void if any of them is lost.
 */
public final class FastestAthleteTemplate implements MarketTemplate {
  private static final int DRAWS = 4_000;
  private final long windowMicros;

  public FastestAthleteTemplate(long windowMicros) {
    this.windowMicros = windowMicros;
  }

  @Override
  public Optional<MarketSpec> propose(StreamAnalytics analytics, Supplier<String> newId) {
    // Only athletes who stay in the picture for a whole window run; the window is the field's
    // shortest, so every one of them can be watched to its end.
    List<TrackSeries> field = new java.util.ArrayList<>();
    long window = windowMicros;
    for (TrackSeries track : analytics.activeTracks(15)) {
      OptionalLong own = analytics.watchableWindow(track, windowMicros);
      if (own.isPresent() && field.size() < 4) {
        field.add(track);
        window = Math.min(window, own.getAsLong());
      }
    }
    if (field.size() < 2) {
      return Optional.empty();
    }
    List<String> selections = field.stream().map(t -> Integer.toString(t.trackId())).toList();
    long now = analytics.mediaTimeUs();
    return Optional.of(
        new MarketSpec(
            newId.get(),
            analytics.streamId(),
            MarketTemplateKind.MARKET_TEMPLATE_KIND_FASTEST_ATHLETE,
            "Fastest over the next "
                + window / 1_000_000
                + " s: runner "
                + String.join(", ", selections),
            selections,
            0,
            now,
            now + window,
            0,
            ""));
  }

  @Override
  public double[] fairProbabilities(MarketSpec market, StreamAnalytics analytics) {
    int n = market.selections().size();
    double seconds = market.secondsLeft(analytics.mediaTimeUs());
    double elapsed = (analytics.mediaTimeUs() - market.windowStartUs()) / 1e6;
    double total = seconds + elapsed;
    double[] mean = new double[n];
    double[] spread = new double[n];
    for (int i = 0; i < n; i++) {
      TrackSeries track = track(market, analytics, i);
      double sofar = meanSpeed(track.speedsSince(market.windowStartUs()), track.currentSpeed());
      double ahead = track.currentSpeed() + track.drift() * seconds / 2;
      mean[i] = total == 0 ? ahead : (sofar * elapsed + ahead * seconds) / total;
      double sd = Math.max(0.05, track.volatility()) * Math.sqrt(Math.max(seconds, 1e-3) / 3);
      spread[i] = total == 0 ? sd : sd * seconds / total;
    }
    SplittableRandom random =
        new SplittableRandom(market.marketId().hashCode() ^ analytics.mediaTimeUs());
    double[] wins = new double[n];
    for (int d = 0; d < DRAWS; d++) {
      int best = 0;
      double bestSpeed = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double v = mean[i] + spread[i] * random.nextGaussian();
        if (v > bestSpeed) {
          bestSpeed = v;
          best = i;
        }
      }
      wins[best]++;
    }
    double[] p = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      p[i] = MarketTemplate.bounded((wins[i] + 0.5) / (DRAWS + 0.5 * n));
      sum += p[i];
    }
    for (int i = 0; i < n; i++) {
      p[i] /= sum;
    }
    return p;
  }

  @Override
  public Optional<Outcome> decide(
      MarketSpec market, AnalyticsFrame frame, StreamAnalytics analytics) {
    for (int i = 0; i < market.selections().size(); i++) {
      Optional<TrackSeries> track = analytics.track(Integer.parseInt(market.selections().get(i)));
      if (track.isEmpty() || track.get().isLost()) {
        return Optional.of(
            Outcome.voided(
                frame.getMediaTimeUs(), "runner " + market.selections().get(i) + " was lost"));
      }
    }
    if (frame.getMediaTimeUs() < market.windowEndUs()) {
      return Optional.empty();
    }
    int winner = -1;
    double best = Double.NEGATIVE_INFINITY;
    List<TrackSeries.Sample> evidence = List.of();
    for (int i = 0; i < market.selections().size(); i++) {
      List<TrackSeries.Sample> window =
          track(market, analytics, i).speedsSince(market.windowStartUs());
      double mean = meanSpeed(window, Double.NEGATIVE_INFINITY);
      if (mean > best) {
        best = mean;
        winner = i;
        evidence = window;
      }
    }
    return Optional.of(
        Outcome.decided(
            winner,
            market.windowEndUs(),
            String.format(
                java.util.Locale.ROOT,
                "runner %s averaged %.2f m/s",
                market.selections().get(winner),
                best),
            evidence,
            market.windowStartUs()));
  }

  private static TrackSeries track(MarketSpec market, StreamAnalytics analytics, int i) {
    return analytics.track(Integer.parseInt(market.selections().get(i))).orElseThrow();
  }

  private static double meanSpeed(List<TrackSeries.Sample> samples, double otherwise) {
    return samples.stream().mapToDouble(TrackSeries.Sample::value).average().orElse(otherwise);
  }
}
