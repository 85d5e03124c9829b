package dev.slipstream.server;

import dev.slipstream.gateway.markets.BetSettlements;
import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.Reconciliation;
import dev.slipstream.ledger.limits.PlayerLimits;
import dev.slipstream.ledger.spi.HoldBacking;
import dev.slipstream.markets.desk.MarketDesk;
import dev.slipstream.markets.engine.RiskLimits;
import dev.slipstream.markets.live.GeneratorSettings;
import dev.slipstream.markets.live.MarketEvents;
import dev.slipstream.markets.live.MarketGenerator;
import dev.slipstream.markets.pricing.Margin;
import dev.slipstream.markets.sequencer.BetSequencer;
import dev.slipstream.markets.sequencer.JournalPlace;
import dev.slipstream.markets.service.EvidenceFrames;
import dev.slipstream.markets.service.MarketService;
import dev.slipstream.platform.bus.EventBus;
import dev.slipstream.wire.v1.AnalyticsFrame;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The markets role: one bet shard (journal in PostgreSQL, money in the ledger) and, per stream with
 * analytics, a market generator whose markets the desk prices and runs on the shard. Market updates
 * go on the bus ({@code stream.<id>.markets}); a stream whose analytics stop for a second has its
 * markets suspended, and voided once the stall outlasts their window. Every market and bet is
 * stored by the {@link MarketService}, decided markets keep their evidence (with thumbnails from
 * {@link EvidenceFrames}), and bettors hear of settlements on their account topic.
 */
final class LiveMarkets implements Consumer<AnalyticsFrame>, AutoCloseable {
  static final String CURRENCY = "EUR";
  private static final Logger log = LoggerFactory.getLogger(LiveMarkets.class);

  /** The one bet shard's name. */
  static final String SHARD = "main";

  private final BetSequencer shard;
  private final MarketService service;
  private final MarketEvents events;
  private final String runId;
  private final Function<String, Set<String>> zones;
  private final InstantSource clock;
  private final Map<String, MarketGenerator> generators = new ConcurrentHashMap<>();
  private final ScheduledExecutorService stalls =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "market-stalls"));

  private LiveMarkets(
      BetSequencer shard,
      MarketService service,
      Function<String, Set<String>> zones,
      InstantSource clock,
      Reconciliation reconciliation) {
    this.shard = shard;
    this.service = service;
    this.zones = zones;
    this.clock = clock;
    this.runId = Long.toString(clock.millis(), 36);
    MarketDesk desk =
        new MarketDesk(
            shard,
            Margin.ODDS_RATIO,
            1.06,
            RiskLimits.DEFAULTS,
            CURRENCY,
            service.updates(),
            clock);
    // Every market the desk runs is stored, settled with evidence and served over REST.
    this.events = service.recording(desk);
    stalls.scheduleAtFixedRate(this::checkStalls, 250, 250, TimeUnit.MILLISECONDS);
    // The books proven every minute: sums to zero, balances match, every open hold is a bet's.
    stalls.scheduleAtFixedRate(
        () -> {
          try {
            reconciliation.run();
          } catch (RuntimeException e) {
            log.warn("reconciliation could not run: {}", e.toString());
          }
        },
        60,
        60,
        TimeUnit.SECONDS);
  }

  /**
   * Starts the shard (replaying its journal) with stakes checked against players' limits and held
   * towards the house account; reconciliation counts a hold as owned when the shard or {@code
   * otherOwners} (payments) owns it. The shard journals where {@code journal} says ({@code
   * bets.journal}).
   */
  static LiveMarkets start(
      DataSource dataSource,
      Ledger ledger,
      EventBus bus,
      Function<String, Set<String>> zones,
      InstantSource clock,
      MeterRegistry registry,
      HoldBacking otherOwners,
      EvidenceFrames frames,
      JournalPlace journal)
      throws SQLException {
    Account house = ledger.openAccount(AccountKind.HOUSE, "house", CURRENCY);
    BetSequencer shard =
        BetSequencer.start(
            SHARD,
            dataSource,
            ledger,
            house.id(),
            PlayerLimits.postgres(dataSource, clock),
            journal,
            clock,
            System::nanoTime);
    MarketService service =
        MarketService.start(
            dataSource,
            shard,
            ledger,
            house.id(),
            CURRENCY,
            clock,
            frames,
            update -> bus.append(topic(update.getStreamId()), update.toByteArray()));
    service.onSettled(BetSettlements.publisher(bus));
    int orphans = service.voidUndecidedLiveMarkets();
    if (orphans > 0) {
      log.info("voided {} markets left undecided by the previous run; stakes returned", orphans);
    }
    return new LiveMarkets(
        shard,
        service,
        zones,
        clock,
        Reconciliation.postgres(
            dataSource,
            clock,
            HoldBacking.anyOf(java.util.List.of(shard.holdBacking(), otherOwners)),
            registry));
  }

  /** The bus topic of a stream's market updates. */
  static String topic(String streamId) {
    return "stream." + streamId + ".markets";
  }

  BetSequencer shard() {
    return shard;
  }

  /** Markets and bets as the REST routes and the live socket's bets use them. */
  MarketService service() {
    return service;
  }

  /** Takes one analytics frame (on its stream's vision thread). */
  @Override
  public void accept(AnalyticsFrame frame) {
    MarketGenerator generator =
        generators.computeIfAbsent(
            frame.getStreamId(),
            id ->
                new MarketGenerator(
                    id,
                    id + "-" + runId + "-mk",
                    MarketGenerator.standardTemplates(() -> zones.apply(id)),
                    GeneratorSettings.DEFAULTS,
                    events));
    synchronized (generator) {
      generator.onFrame(frame, micros());
    }
  }

  private void checkStalls() {
    long now = micros();
    for (MarketGenerator generator : generators.values()) {
      synchronized (generator) {
        generator.checkStall(now);
      }
    }
  }

  private long micros() {
    return clock.instant().toEpochMilli() * 1000;
  }

  @Override
  public void close() {
    stalls.shutdownNow();
    service.close();
    shard.close();
  }
}
