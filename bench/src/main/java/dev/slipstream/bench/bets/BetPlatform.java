package dev.slipstream.bench.bets;

import dev.slipstream.gateway.Gateway;
import dev.slipstream.gateway.GatewayServices;
import dev.slipstream.gateway.GatewaySettings;
import dev.slipstream.gateway.SystemInfo;
import dev.slipstream.gateway.auth.AuthServices;
import dev.slipstream.gateway.auth.AuthSettings;
import dev.slipstream.gateway.auth.SignedIn;
import dev.slipstream.gateway.live.AccountTopics;
import dev.slipstream.gateway.live.LiveServices;
import dev.slipstream.gateway.live.LiveSettings;
import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.LedgerSettings;
import dev.slipstream.ledger.Reconciliation;
import dev.slipstream.ledger.ReconciliationReport;
import dev.slipstream.ledger.TransferKind;
import dev.slipstream.ledger.TransferRequest;
import dev.slipstream.ledger.limits.PlayerLimits;
import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.markets.engine.RiskLimits;
import dev.slipstream.markets.sequencer.BetSequencer;
import dev.slipstream.markets.sequencer.JournalPlace;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.platform.Health;
import dev.slipstream.platform.bus.BusLimits;
import dev.slipstream.platform.bus.SharedState;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.DatabaseLocation;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The bet path as the server runs it, in this process: a durable embedded PostgreSQL (fsync and
 * {@code synchronous_commit} on), the ledger, one bet shard checking players' limits, accounts and
 * sessions, and the HTTP gateway with its live socket on a free loopback port. Bettors are
 * registered and signed in like any user, and their wallets funded by deposits; markets are opened
 * on the shard with prices. The new cluster is given spare log segments first, as a server has
 * after its first checkpoint ({@link WriteAheadLog#prepareSegments}).
 */
final class BetPlatform implements AutoCloseable {
  static final String CURRENCY = "EUR";
  // 5,000 bets a second write about 6 MB of log a second: 40 segments of 16 MB last 100 s.
  private static final int WAL_SEGMENTS = 40;

  /** One signed-in bettor: their access token and ledger wallet. */
  record Bettor(String userId, String accessToken, long wallet) {}

  private final Deque<AutoCloseable> opened;
  final Database db;
  final Ledger ledger;
  final BetSequencer shard;
  final URI baseUri;
  final List<Bettor> bettors;

  private BetPlatform(
      Deque<AutoCloseable> opened,
      Database db,
      Ledger ledger,
      BetSequencer shard,
      URI baseUri,
      List<Bettor> bettors) {
    this.opened = opened;
    this.db = db;
    this.ledger = ledger;
    this.shard = shard;
    this.baseUri = baseUri;
    this.bettors = bettors;
  }

  /**
   * Starts everything, registers and funds {@code bettorCount} bettors, opens the markets; the
   * shard journals to a local file (drained to PostgreSQL) when {@code localJournal}.
   */
  static BetPlatform start(int bettorCount, List<String> markets, boolean localJournal)
      throws Exception {
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      InstantSource clock = InstantSource.system();
      Path folder = Files.createTempDirectory("slipstream-bench-bets");
      opened.push(() -> deleteRecursively(folder));
      Database db = Database.open(new DatabaseLocation.Embedded(folder, true), 10, null);
      opened.push(db);
      db.migrate(
          List.of(
              StreamDirectory.MIGRATION,
              AuthServices.MIGRATION,
              Ledger.MIGRATION,
              BetSequencer.MIGRATION));
      // The bus retains what the server's does (SlipstreamNode.busLimits).
      SharedState shared =
          SharedState.inProcess(clock, AccountTopics.retention(BusLimits.defaults()));
      opened.push(shared);
      Ledger ledger = Ledger.postgres(db.dataSource(), clock, LedgerSettings.defaults(), null);
      opened.push(ledger);
      Account house = ledger.openAccount(AccountKind.HOUSE, "house", CURRENCY);
      BetSequencer shard =
          BetSequencer.start(
              "bench",
              db.dataSource(),
              ledger,
              house.id(),
              PlayerLimits.postgres(db.dataSource(), clock),
              localJournal
                  ? new JournalPlace.Local(folder.resolve("journal"))
                  : JournalPlace.postgres(),
              clock,
              System::nanoTime);
      opened.push(shard);
      open(shard, markets);
      SecureRandom random = new SecureRandom();
      AuthServices auth =
          AuthServices.start(
              db.dataSource(),
              // Bettors' passwords are hashed cheaply: the bench measures bets, not sign-ins.
              AuthSettings.defaults().withPasswordCost(new AuthSettings.PasswordCost(64, 1, 1)),
              clock,
              random);
      StreamDirectory streams = StreamDirectory.postgres(db.dataSource(), clock, random);
      PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      InetAddress loopback = InetAddress.getLoopbackAddress();
      Gateway gateway =
          Gateway.start(
              new GatewaySettings(loopback.getHostAddress(), 0, 1 << 20),
              new GatewayServices(
                      streams,
                      null,
                      Map.of("database", db::health, "bus", () -> Health.up("in-process")),
                      new SystemInfo(
                          "bench",
                          clock.instant(),
                          List.of("markets", "ledger", "gateway"),
                          db.description(),
                          shared.description()),
                      metrics,
                      clock,
                      auth,
                      random)
                  .withLive(
                      new LiveServices(
                          shared.bus(),
                          id -> false,
                          shard::place,
                          ledger,
                          LiveSettings.defaults())));
      opened.push(gateway);
      List<Bettor> bettors = bettors(auth, ledger, bettorCount);
      WriteAheadLog.prepareSegments(db.dataSource(), WAL_SEGMENTS);
      return new BetPlatform(opened, db, ledger, shard, gateway.baseUri(), bettors);
    } catch (Exception | Error e) {
      closeAll(opened);
      throw e;
    }
  }

  private static void open(BetSequencer shard, List<String> markets) {
    RiskLimits limits = new RiskLimits(10, 100_000, Long.MAX_VALUE / 4, 1_000, 1_000);
    for (String market : markets) {
      shard
          .submit(
              new EngineCommand.Open(
                  market,
                  "str",
                  CURRENCY,
                  List.of("yes", "no"),
                  new int[] {20_000, 20_000},
                  limits))
          .join();
    }
  }

  private static List<Bettor> bettors(AuthServices auth, Ledger ledger, int count) {
    Account clearing = ledger.openAccount(AccountKind.PAYMENT_CLEARING, "bench-psp", CURRENCY);
    List<Bettor> bettors = new ArrayList<>(count);
    List<CompletableFuture<?>> deposits = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String email = "bettor-" + i + "@bench.invalid";
      String password = "bench-password-" + i + "-long-enough";
      auth.accounts().register(email, password, "Bettor " + i);
      SignedIn in = auth.accounts().login(email, password);
      long wallet = ledger.openAccount(AccountKind.PLAYER_WALLET, in.account().id(), CURRENCY).id();
      deposits.add(
          ledger.submit(
              new TransferRequest(
                  UUID.randomUUID(),
                  clearing.id(),
                  wallet,
                  100_000_000,
                  CURRENCY,
                  TransferKind.DEPOSIT,
                  null)));
      bettors.add(new Bettor(in.account().id(), in.accessToken(), wallet));
    }
    CompletableFuture.allOf(deposits.toArray(CompletableFuture[]::new)).join();
    return bettors;
  }

  /** Proves the books: sums to zero, balances match, every open hold is a standing bet's. */
  ReconciliationReport reconcile() {
    return Reconciliation.postgres(
            db.dataSource(), InstantSource.system(), shard.holdBacking(), null)
        .run();
  }

  @Override
  public void close() {
    closeAll(opened);
  }

  private static void closeAll(Deque<AutoCloseable> opened) {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        System.err.println("closing the bench platform: " + e);
      }
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
