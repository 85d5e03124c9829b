package dev.slipstream.markets.live;

import dev.slipstream.markets.pricing.EventHazard;
import dev.slipstream.wire.v1.AnalyticsEvent;
import dev.slipstream.wire.v1.AnalyticsEventType;
import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.MarketTemplateKind;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * "Runner N enters zone Z in the next T s": priced from how often athletes have entered the zone
 * (its entries per athlete over the time watched, a Gamma–Poisson hazard), decided yes by the
 * runner's zone-entry event in the window, no at the window's end, void if the runner is lost.
 */
public final class ZoneEntryTemplate implements MarketTemplate {
  private final long windowMicros;
  private final Supplier<Set<String>> zones;
  private final EventHazard hazard = new EventHazard(0.5, 60);

  /**
   * @param zones the stream's configured zone ids (markets also learn zones from events)
   */
  public ZoneEntryTemplate(long windowMicros, Supplier<Set<String>> zones) {
    this.windowMicros = windowMicros;
    this.zones = zones;
  }

  @Override
  public Optional<MarketSpec> propose(StreamAnalytics analytics, Supplier<String> newId) {
    List<TrackSeries> tracks =
        analytics.activeTracks(5).stream()
            .filter(t -> analytics.watchableWindow(t, windowMicros).isPresent())
            .toList();
    java.util.TreeSet<String> known = new java.util.TreeSet<>(zones.get());
    known.addAll(analytics.zoneEntryCounts().keySet());
    if (tracks.isEmpty() || known.isEmpty()) {
      return Optional.empty();
    }
    long now = analytics.mediaTimeUs();
    // Rotate through athletes and zones with time, so successive markets ask about different ones.
    int slot = (int) Math.floorMod(now / windowMicros, (long) tracks.size() * known.size());
    TrackSeries track = tracks.get(slot % tracks.size());
    String zone = known.stream().skip(slot / tracks.size()).findFirst().orElseThrow();
    OptionalLong window = analytics.watchableWindow(track, windowMicros);
    return Optional.of(
        new MarketSpec(
            newId.get(),
            analytics.streamId(),
            MarketTemplateKind.MARKET_TEMPLATE_KIND_ZONE_ENTRY,
            "Runner "
                + track.trackId()
                + " enters "
                + zone
                + " in the next "
                + window.getAsLong() / 1_000_000
                + " s",
            MarketSpec.YES_NO,
            track.trackId(),
            now,
            now + window.getAsLong(),
            0,
            zone));
  }

  @Override
  public double[] fairProbabilities(MarketSpec market, StreamAnalytics analytics) {
    int athletes = Math.max(1, analytics.activeTracks(1).size());
    double perAthleteSeconds = analytics.secondsWatched() * athletes;
    double yes =
        MarketTemplate.bounded(
            hazard.probability(
                analytics.zoneEntries(market.zoneId()),
                perAthleteSeconds,
                market.secondsLeft(analytics.mediaTimeUs())));
    return new double[] {yes, 1 - yes};
  }

  @Override
  public Optional<Outcome> decide(
      MarketSpec market, AnalyticsFrame frame, StreamAnalytics analytics) {
    for (AnalyticsEvent event : frame.getEventsList()) {
      if (event.getType() == AnalyticsEventType.ANALYTICS_EVENT_TYPE_ZONE_ENTRY
          && event.getTrackId() == market.subjectTrackId()
          && event.getZoneId().equals(market.zoneId())
          && event.getMediaTimeUs() >= market.windowStartUs()
          && event.getMediaTimeUs() < market.windowEndUs()) {
        return Optional.of(
            Outcome.decided(
                0,
                event.getMediaTimeUs(),
                "runner " + market.subjectTrackId() + " entered " + market.zoneId(),
                List.of(),
                market.windowStartUs()));
      }
    }
    Optional<TrackSeries> track = analytics.track(market.subjectTrackId());
    if (track.isEmpty() || track.get().isLost()) {
      return Optional.of(
          Outcome.voided(
              frame.getMediaTimeUs(), "runner " + market.subjectTrackId() + " was lost"));
    }
    if (frame.getMediaTimeUs() >= market.windowEndUs()) {
      return Optional.of(
          Outcome.decided(
              1,
              market.windowEndUs(),
              "runner " + market.subjectTrackId() + " stayed out of " + market.zoneId(),
              List.of(),
              market.windowStartUs()));
    }
    return Optional.empty();
  }
}
