package dev.slipstream.markets.live;

import dev.slipstream.wire.v1.AnalyticsFrame;
import dev.slipstream.wire.v1.MarketTemplateKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one stream's markets from its analytics: every frame updates what the stream has shown,
 * decides open markets whose question the frame answers (first, so a decision is never priced
 * again), refreshes prices five times a second, and now and then asks each template for a new
 * market, opened only when every selection's fair probability is within bounds and under the cap
 * (one open market per template and subject). Not thread-safe: fed by one thread in media-time
 * order. Wall-clock stalls are checked by {@link #checkStall}.
 */
public final class MarketGenerator {
  private final StreamAnalytics analytics;
  private final List<MarketTemplate> templates;
  private final GeneratorSettings settings;
  private final MarketEvents events;
  private final Map<String, Open> open = new LinkedHashMap<>();
  private final String idPrefix;
  private long nextReprice = Long.MIN_VALUE;
  private long nextProposal = Long.MIN_VALUE;
  private long sequence;
  private long lastFrameWallMicros = Long.MIN_VALUE;
  private boolean stalled;

  private record Open(MarketSpec spec, MarketTemplate template) {}

  public MarketGenerator(
      String streamId,
      List<MarketTemplate> templates,
      GeneratorSettings settings,
      MarketEvents events) {
    this(streamId, streamId + "-mk", templates, settings, events);
  }

  /**
   * The same, naming markets {@code idPrefix} and a number: a prefix unique to this run keeps the
   * ids of a stream that goes live again apart from its earlier markets'.
   */
  public MarketGenerator(
      String streamId,
      String idPrefix,
      List<MarketTemplate> templates,
      GeneratorSettings settings,
      MarketEvents events) {
    this.idPrefix = idPrefix;
    this.analytics = new StreamAnalytics(streamId);
    this.templates = List.copyOf(templates);
    this.settings = settings;
    this.events = events;
  }

  /** The templates a demo stream runs, with windows of 5–10 s. */
  public static List<MarketTemplate> standardTemplates(
      java.util.function.Supplier<java.util.Set<String>> zones) {
    return List.of(
        new SpeedThresholdTemplate(10_000_000),
        new NextJumpTemplate(15_000_000),
        new ZoneEntryTemplate(10_000_000, zones),
        new StrideLengthTemplate(5_000_000),
        new FastestAthleteTemplate(10_000_000));
  }

  public StreamAnalytics analytics() {
    return analytics;
  }

  /** The markets open now. */
  public List<MarketSpec> openMarkets() {
    return open.values().stream().map(Open::spec).toList();
  }

  /** Takes the stream's next analytics frame, received at {@code wallMicros}. */
  public void onFrame(AnalyticsFrame frame, long wallMicros) {
    long now = frame.getMediaTimeUs();
    if (now <= analytics.mediaTimeUs()) {
      return;
    }
    lastFrameWallMicros = wallMicros;
    if (stalled) {
      stalled = false;
      events.resumed(analytics.streamId(), now);
    }
    analytics.add(frame);
    List<Map.Entry<MarketSpec, Outcome>> decided = new ArrayList<>();
    for (Open market : List.copyOf(open.values())) {
      Optional<Outcome> outcome = market.template().decide(market.spec(), frame, analytics);
      if (outcome.isPresent()) {
        open.remove(market.spec().marketId());
        decided.add(Map.entry(market.spec(), outcome.get()));
      }
    }
    // Every market this frame decided stops taking bets before any of them is recorded (the
    // evidence and rows are database writes): a second decision never waits on the first's.
    for (Map.Entry<MarketSpec, Outcome> d : decided) {
      events.deciding(d.getKey(), d.getValue());
    }
    for (Map.Entry<MarketSpec, Outcome> d : decided) {
      events.decided(d.getKey(), d.getValue());
    }
    events.ticked(analytics.streamId(), now);
    if (now >= nextReprice) {
      nextReprice = next(nextReprice, settings.repriceEveryMicros(), now);
      for (Open market : open.values()) {
        events.repriced(
            market.spec(), market.template().fairProbabilities(market.spec(), analytics));
      }
    }
    if (now >= nextProposal) {
      nextProposal = next(nextProposal, settings.proposeEveryMicros(), now);
      propose();
    }
  }

  /** The next due time on a fixed cadence, restarted from now after a gap. */
  private static long next(long due, long every, long now) {
    return due == Long.MIN_VALUE || due + every <= now ? now + every : due + every;
  }

  /**
   * Suspends the stream's markets when no frame has arrived for the stall time, and voids each one
   * whose window the stall outlasts (the analytics can no longer decide it); call it from a timer
   * with the wall clock.
   */
  public void checkStall(long wallMicros) {
    if (open.isEmpty() || lastFrameWallMicros == Long.MIN_VALUE) {
      return;
    }
    long silent = wallMicros - lastFrameWallMicros;
    if (!stalled && silent >= settings.stallAfterMicros()) {
      stalled = true;
      events.stalled(analytics.streamId(), analytics.mediaTimeUs());
    }
    if (!stalled) {
      return;
    }
    long now = analytics.mediaTimeUs();
    for (Open market : List.copyOf(open.values())) {
      long windowLeft = market.spec().windowEndUs() - now;
      if (silent >= Math.max(settings.stallAfterMicros(), windowLeft)) {
        open.remove(market.spec().marketId());
        events.decided(
            market.spec(),
            Outcome.voided(now, "the stream stalled past the end of the market's window"));
      }
    }
  }

  private void propose() {
    for (MarketTemplate template : templates) {
      if (open.size() >= settings.maxOpenMarkets()) {
        return;
      }
      Optional<MarketSpec> proposal = template.propose(analytics, () -> idPrefix + (++sequence));
      if (proposal.isEmpty() || alreadyAsked(proposal.get())) {
        continue;
      }
      MarketSpec spec = proposal.get();
      double[] fair = template.fairProbabilities(spec, analytics);
      if (withinBounds(fair)) {
        open.put(spec.marketId(), new Open(spec, template));
        events.opened(spec, fair);
      }
    }
  }

  private boolean alreadyAsked(MarketSpec spec) {
    for (Open market : open.values()) {
      MarketSpec other = market.spec();
      if (other.kind() == spec.kind()
          && (spec.kind() == MarketTemplateKind.MARKET_TEMPLATE_KIND_NEXT_JUMP
              || spec.kind() == MarketTemplateKind.MARKET_TEMPLATE_KIND_FASTEST_ATHLETE
              || other.subjectTrackId() == spec.subjectTrackId())) {
        return true;
      }
    }
    return false;
  }

  private boolean withinBounds(double[] fair) {
    for (double p : fair) {
      if (fair.length == 2 && (p < settings.minProbability() || p > settings.maxProbability())) {
        return false;
      }
      if (fair.length > 2 && p > settings.maxProbability()) {
        return false;
      }
    }
    return true;
  }

  /** Markets opened over the generator's life (for tests and metrics). */
  public long marketsProposed() {
    return sequence;
  }
}
