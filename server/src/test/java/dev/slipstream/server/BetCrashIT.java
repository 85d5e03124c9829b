package dev.slipstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.ReconciliationReport;
import dev.slipstream.markets.sequencer.BetSequencer;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.DatabaseLocation;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.ClientMessage;
import dev.slipstream.wire.v1.MarketState;
import dev.slipstream.wire.v1.MarketUpdate;
import dev.slipstream.wire.v1.PlaceBet;
import dev.slipstream.wire.v1.ServerMessage;
import dev.slipstream.wire.v1.Subscribe;
import dev.slipstream.wire.v1.Topic;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} of the real demo server (media, vision, live markets, ledger, gateway) in the
 * middle of a storm of bets over the gateway's live WebSocket, mixed with deposits over REST; then
 * a restart on the same data directory. Every acknowledged bet's stake hold is in the ledger, every
 * acknowledged deposit is there, every open stake hold belongs to a bet the replayed journal
 * accepted (nothing half-applied), and reconciliation of the whole ledger finds nothing.
 */
class BetCrashIT {
  private static final Duration START = Duration.ofSeconds(120);
  private static final String SECRET = "whsec_bet_crash_test_0123456789abcdef01";
  private static final int BETTORS = 6;
  private static final long FUNDS = 500_000;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  @TempDir Path data;

  /** Once with each journal: group commit to PostgreSQL, and the local file drained to it. */
  @ParameterizedTest(name = "bets.journal={0}")
  @ValueSource(strings = {"postgres", "local"})
  void everyAcknowledgedBetHoldSurvivesAKillNineAndTheBooksReconcile(String journal)
      throws Exception {
    int port = ServerProcess.freePort();
    String base = "http://127.0.0.1:" + port;
    Set<String> acknowledgedBets = ConcurrentHashMap.newKeySet();
    Set<String> acknowledgedDeposits = ConcurrentHashMap.newKeySet();
    AtomicInteger refusedBets = new AtomicInteger();
    List<String> emails = new ArrayList<>();
    try (ServerProcess server = startDemo(port, journal)) {
      server.awaitOutput("Slipstream is up", START);
      server.awaitOutput("(live from the synthetic source)", START);
      ApiAccounts accounts = new ApiAccounts(base);
      List<String> tokens = new ArrayList<>();
      try {
        for (int i = 0; i < BETTORS; i++) {
          emails.add("bettor" + i + "@example.com");
          tokens.add(accounts.broadcaster(emails.getLast()));
        }
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "\nthe server printed:\n" + server.output(), e);
      }
      for (String token : tokens) {
        assertThat(deposit(base, token, FUNDS).statusCode()).isEqualTo(202);
      }
      Awaitility.await("every bettor's first deposit credited")
          .atMost(Duration.ofSeconds(60))
          .until(() -> tokens.stream().allMatch(t -> balance(base, t) == FUNDS));

      Map<String, MarketUpdate> open = new ConcurrentHashMap<>();
      Map<String, List<String>> selections = new ConcurrentHashMap<>();
      String streamId = demoStreamId(base);
      try (LiveSocketClient watcher =
          new LiveSocketClient(base, tokens.getFirst(), m -> watch(m, open, selections))) {
        watcher.send(
            ClientMessage.newBuilder()
                .setRequestId("markets")
                .setSubscribe(
                    Subscribe.newBuilder()
                        .setSubscriptionId("markets")
                        .setTopic(Topic.TOPIC_STREAM_MARKETS)
                        .setResourceId(streamId))
                .build());
        Awaitility.await("an open market on the demo stream")
            .atMost(Duration.ofSeconds(90))
            .until(() -> !open.isEmpty());

        AtomicBoolean storming = new AtomicBoolean(true);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < BETTORS; i++) {
          String token = tokens.get(i);
          int seed = i;
          pool.submit(
              () -> {
                bet(base, token, seed, open, selections, storming, acknowledgedBets, refusedBets);
                return null;
              });
          pool.submit(
              () -> {
                depositStorm(base, token, seed, storming, acknowledgedDeposits);
                return null;
              });
        }
        Awaitility.await("bets acknowledged during the storm")
            .atMost(Duration.ofSeconds(90))
            .until(() -> acknowledgedBets.size() >= 100 && !acknowledgedDeposits.isEmpty());
        server.signal("KILL");
        storming.set(false);
        server.awaitExit(Duration.ofSeconds(30));
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
      }
    }

    int port2 = ServerProcess.freePort();
    String base2 = "http://127.0.0.1:" + port2;
    // The same journal again: a local one is drained to PostgreSQL before the shard replays.
    try (ServerProcess again =
        MoneyServer.start(port2, data, SECRET, List.of("--bets-journal=" + journal))) {
      again.awaitOutput("Slipstream is up", START);
      Set<String> present = new HashSet<>();
      ApiAccounts accounts = new ApiAccounts(base2);
      for (String email : emails) {
        String token = accounts.broadcaster(email);
        for (JsonNode d : get(base2, "/api/wallet/deposits", token).get("items")) {
          present.add(d.get("id").asText());
        }
        JsonNode wallet = get(base2, "/api/wallet", token);
        assertThat(wallet.get("balanceMinor").asLong()).isNotNegative();
        assertThat(wallet.get("availableMinor").asLong()).isNotNegative();
      }
      assertThat(present).as("every acknowledged deposit").containsAll(acknowledgedDeposits);
      again.signal("TERM");
      assertThat(again.awaitExit(Duration.ofSeconds(60))).as(again.output()).isZero();
    }

    try (Database db =
        Database.open(new DatabaseLocation.Embedded(data.resolve("postgres")), 4, null)) {
      System.out.printf(
          "BetCrashIT: %d bets and %d deposits acknowledged before the kill, %d bets refused or"
              + " unanswered; %d stake holds in the ledger%n",
          acknowledgedBets.size(),
          acknowledgedDeposits.size(),
          refusedBets.get(),
          betHolds(db).size());
      assertThat(betHolds(db))
          .as("a stake hold for every bet acknowledged before the kill (%d refused)", refusedBets)
          .containsAll(acknowledgedBets.stream().map(id -> "bet:" + id).toList());
    }
    ReconciliationReport report =
        StoppedServerBooks.reconcile(
            data,
            SECRET,
            (db, ledger, closeFirst) -> {
              // the journal replayed: open stake holds must belong to bets it accepted
              BetSequencer shard =
                  BetSequencer.start(
                      "main",
                      db.dataSource(),
                      ledger,
                      ledger.openAccount(AccountKind.HOUSE, "house", "EUR").id(),
                      Clock.systemUTC(),
                      System::nanoTime);
              closeFirst.add(shard);
              return List.of(shard.holdBacking());
            });
    assertThat(report.discrepancies())
        .as("open stake holds all belong to bets the replayed journal accepted")
        .isEmpty();
  }

  /**
   * Keeps the latest update of every market that takes bets, and each market's selections (the
   * markets topic carries {@code MarketUpdate}s; an open one prices every selection).
   */
  private static void watch(
      ServerMessage message, Map<String, MarketUpdate> open, Map<String, List<String>> selections) {
    if (!message.hasMarketUpdate()) {
      return;
    }
    MarketUpdate update = message.getMarketUpdate();
    if (update.getState() == MarketState.MARKET_STATE_OPEN && update.getPricesCount() > 0) {
      selections.put(
          update.getMarketId(),
          update.getPricesList().stream().map(p -> p.getSelectionId()).toList());
      open.put(update.getMarketId(), update);
    } else {
      open.remove(update.getMarketId());
    }
  }

  /** One bettor's socket: bets on open markets, each waiting for its answer before the next. */
  private static void bet(
      String base,
      String token,
      int seed,
      Map<String, MarketUpdate> open,
      Map<String, List<String>> selections,
      AtomicBoolean storming,
      Set<String> acknowledged,
      AtomicInteger refused) {
    Map<String, CompletableFuture<BetResult>> waiting = new ConcurrentHashMap<>();
    SplittableRandom random = new SplittableRandom(seed);
    try (LiveSocketClient socket =
        new LiveSocketClient(
            base,
            token,
            m -> {
              CompletableFuture<BetResult> answer = waiting.remove(m.getRequestId());
              if (answer != null && m.hasBetResult()) {
                answer.complete(m.getBetResult());
              } else if (answer != null) {
                answer.completeExceptionally(new IllegalStateException(m.toString()));
              }
            })) {
      while (storming.get()) {
        List<MarketUpdate> markets = List.copyOf(open.values());
        if (markets.isEmpty()) {
          Thread.sleep(50);
          continue;
        }
        MarketUpdate market = markets.get(random.nextInt(markets.size()));
        List<String> choices = selections.get(market.getMarketId());
        String request = UUID.randomUUID().toString();
        CompletableFuture<BetResult> answer = new CompletableFuture<>();
        waiting.put(request, answer);
        socket.send(
            ClientMessage.newBuilder()
                .setRequestId(request)
                .setPlaceBet(
                    PlaceBet.newBuilder()
                        .setRequestId(request)
                        .setMarketId(market.getMarketId())
                        .setSelectionId(choices.get(random.nextInt(choices.size())))
                        .setStakeMinor(100 + random.nextInt(400))
                        .setCurrency("EUR")
                        .setPriceVersionSeen(0)
                        .setDecimalOddsBpSeen(10_000)
                        .setAcceptBetterOdds(true))
                .build());
        try {
          BetResult result = answer.get(20, TimeUnit.SECONDS);
          if (result.getStatus() == BetStatus.BET_STATUS_ACCEPTED
              || result.getStatus() == BetStatus.BET_STATUS_PENDING) {
            acknowledged.add(result.getBetId());
          } else {
            refused.incrementAndGet();
          }
        } catch (Exception e) {
          refused.incrementAndGet(); // unanswered (the server died) or a request error
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // the socket closed under the kill
    }
  }

  private void depositStorm(
      String base, String token, int seed, AtomicBoolean storming, Set<String> acknowledged) {
    SplittableRandom random = new SplittableRandom(seed * 31L);
    while (storming.get()) {
      try {
        HttpResponse<String> r = deposit(base, token, 100 + random.nextInt(900));
        if (r.statusCode() == 202) {
          acknowledged.add(json.readTree(r.body()).get("id").asText());
        }
        Thread.sleep(25);
      } catch (Exception e) {
        return;
      }
    }
  }

  private static Set<String> betHolds(Database db) throws Exception {
    Set<String> found = new HashSet<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT metadata FROM ledger.holds WHERE metadata LIKE 'bet:%'")) {
      while (rs.next()) {
        found.add(rs.getString(1));
      }
    }
    return found;
  }

  private String demoStreamId(String base) throws Exception {
    for (JsonNode stream : get(base, "/api/streams", null).get("items")) {
      if (stream.get("title").asText().startsWith("Slipstream demo")) {
        return stream.get("id").asText();
      }
    }
    throw new AssertionError("no demo stream listed");
  }

  private long balance(String base, String token) {
    try {
      return get(base, "/api/wallet", token).get("balanceMinor").asLong();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ServerProcess startDemo(int port, String journal) throws java.io.IOException {
    return ServerProcess.start(
        List.of(
            "demo",
            "--http-port=" + port,
            "--data-dir=" + data,
            "--media-udp-port=0",
            "--media-tcp-port=0",
            "--media-rtmp-port=" + ServerProcess.freePort(),
            "--media-srt-port=0",
            "--payments-webhook-secret=" + SECRET,
            "--payments-sandbox-confirm-seconds=0",
            "--bets-journal=" + journal,
            ApiAccounts.ADMIN_FLAG),
        Map.of());
  }

  private HttpResponse<String> deposit(String base, String token, long amount) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "/api/wallet/deposits"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .timeout(Duration.ofSeconds(10))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"amountMinor\":" + amount + ",\"paymentMethod\":\"tok_visa\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode get(String base, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return json.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
  }
}
