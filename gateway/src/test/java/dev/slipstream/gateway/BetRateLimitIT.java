package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipstream.gateway.MarketBettors.Bettor;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bet engine's per-account rate limit over {@code POST /api/bets} (five bets a second, bursts
 * of ten, on every market): past it a bet is refused 429 {@code rate_limited}, holds nothing and
 * leaves no bet, and its Idempotency-Key may be used again once the account slows down.
 */
class BetRateLimitIT {
  private static final int BETS = 40;
  private GatewayFixture f;
  private MarketBettors m;
  private String operator;
  private String stream;

  @BeforeEach
  void start() throws Exception {
    f = GatewayFixture.start();
    m = new MarketBettors(f);
    operator = f.userWith("ops@example.com", "operator", "broadcaster");
    stream = f.createStream("Heat 3", operator).get("id").asText();
  }

  @AfterEach
  void booksBalance() {
    try {
      m.assertBooksBalance();
    } finally {
      f.close();
    }
  }

  @Test
  void betsPastTheAccountsRateAreRefusedRateLimitedAndChangeNothing() throws Exception {
    String id = m.market(operator, stream, 600).get("id").asText();
    Bettor ann = m.funded("ann@example.com", 100_000);
    String body = MarketBettors.bet(id, "s1", 100, 20_000, 1);

    List<HttpResponse<String>> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < BETS; i++) {
        String key = "burst-" + i;
        sent.add(pool.submit(() -> m.place(ann.token(), key, body)));
      }
      for (Future<HttpResponse<String>> answer : sent) {
        answers.add(answer.get());
      }
    }

    List<Integer> limited = new ArrayList<>();
    int placed = 0;
    for (int i = 0; i < BETS; i++) {
      HttpResponse<String> answer = answers.get(i);
      if (answer.statusCode() == 201) {
        placed++;
      } else {
        f.assertProblem(answer, 429, "rate_limited");
        limited.add(i);
      }
    }
    assertThat(placed).as("the burst is taken").isGreaterThanOrEqualTo(10);
    assertThat(limited).as("bets past the rate are refused").isNotEmpty();
    assertThat(m.held(ann.walletId())).as("only placed bets hold money").isEqualTo(100L * placed);
    assertThat(m.balance(ann.walletId())).isEqualTo(100_000);
    assertThat(f.read(f.get("/api/bets?limit=100", ann.token())).get("bets")).hasSize(placed);

    // Nothing was decided under a refused key: once the account slows down it places the bet.
    String retried = "burst-" + limited.getFirst();
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> m.place(ann.token(), retried, body).statusCode() == 201);
    assertThat(m.held(ann.walletId())).isEqualTo(100L * (placed + 1));
    HttpResponse<String> again = m.place(ann.token(), retried, body);
    assertThat(again.statusCode()).as("the key now answers with its bet").isEqualTo(200);
  }
}
