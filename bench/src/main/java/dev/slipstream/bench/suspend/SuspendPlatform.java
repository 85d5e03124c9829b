package dev.slipstream.bench.suspend;

import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.LedgerSettings;
import dev.slipstream.ledger.limits.PlayerLimits;
import dev.slipstream.markets.desk.MarketDesk;
import dev.slipstream.markets.engine.RiskLimits;
import dev.slipstream.markets.live.MarketEvents;
import dev.slipstream.markets.pricing.Margin;
import dev.slipstream.markets.sequencer.BetSequencer;
import dev.slipstream.markets.service.EvidenceFrames;
import dev.slipstream.markets.service.MarketService;
import dev.slipstream.platform.bus.EventBus;
import dev.slipstream.platform.bus.SharedState;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.DatabaseLocation;
import dev.slipstream.wire.v1.MarketUpdate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The markets role as the server wires it ({@code LiveMarkets}), in this process: a durable
 * embedded PostgreSQL (fsync and {@code synchronous_commit} on), the ledger, one bet shard checking
 * players' limits, the {@link MarketService} that stores every market and its evidence, the {@link
 * MarketDesk} (margin 6 %, default risk limits) and an in-process bus carrying each stream's market
 * updates on {@code stream.<id>.markets}. {@code tap} sees each update as the desk hands it on.
 */
final class SuspendPlatform implements AutoCloseable {
  static final String CURRENCY = "EUR";

  private final Deque<AutoCloseable> opened;
  final Database db;
  final BetSequencer shard;
  final EventBus bus;

  /** What the generators feed: the stored, recorded desk, as in the server. */
  final MarketEvents events;

  private SuspendPlatform(
      Deque<AutoCloseable> opened,
      Database db,
      BetSequencer shard,
      EventBus bus,
      MarketEvents events) {
    this.opened = opened;
    this.db = db;
    this.shard = shard;
    this.bus = bus;
    this.events = events;
  }

  /** The bus topic of a stream's market updates (the server's name for it). */
  static String topic(String streamId) {
    return "stream." + streamId + ".markets";
  }

  /** Starts everything; {@code tap} is called with each market update before it is published. */
  static SuspendPlatform start(Consumer<MarketUpdate> tap) throws Exception {
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      InstantSource clock = InstantSource.system();
      Path folder = Files.createTempDirectory("slipstream-bench-suspend");
      opened.push(() -> deleteRecursively(folder));
      Database db = Database.open(new DatabaseLocation.Embedded(folder, true), 10, null);
      opened.push(db);
      db.migrate(List.of(Ledger.MIGRATION, BetSequencer.MIGRATION));
      SharedState shared = SharedState.inProcess();
      opened.push(shared);
      EventBus bus = shared.bus();
      Ledger ledger = Ledger.postgres(db.dataSource(), clock, LedgerSettings.defaults(), null);
      opened.push(ledger);
      Account house = ledger.openAccount(AccountKind.HOUSE, "house", CURRENCY);
      BetSequencer shard =
          BetSequencer.start(
              "suspend-bench",
              db.dataSource(),
              ledger,
              house.id(),
              PlayerLimits.postgres(db.dataSource(), clock),
              clock,
              System::nanoTime);
      opened.push(shard);
      MarketService service =
          MarketService.start(
              db.dataSource(),
              shard,
              ledger,
              house.id(),
              CURRENCY,
              clock,
              EvidenceFrames.NONE,
              update -> bus.append(topic(update.getStreamId()), update.toByteArray()));
      opened.push(service);
      Consumer<MarketUpdate> published = service.updates();
      MarketDesk desk =
          new MarketDesk(
              shard,
              Margin.ODDS_RATIO,
              1.06,
              RiskLimits.DEFAULTS,
              CURRENCY,
              update -> {
                tap.accept(update);
                published.accept(update);
              },
              clock);
      return new SuspendPlatform(opened, db, shard, bus, service.recording(desk));
    } catch (Exception | Error e) {
      closeAll(opened);
      throw e;
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static void closeAll(Deque<AutoCloseable> opened) {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        System.err.println("suspend bench: closing failed: " + e);
      }
    }
  }

  @Override
  public void close() {
    closeAll(opened);
  }
}
