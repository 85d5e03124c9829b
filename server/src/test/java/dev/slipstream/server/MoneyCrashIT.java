package dev.slipstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the real server in the middle of a storm of deposits over REST (the sandbox
 * confirming each at once over the webhook route), then a restart on the same data directory: every
 * acknowledged deposit is there, every wallet's balance is exactly its succeeded deposits (nothing
 * half-applied), and reconciliation of the whole ledger finds nothing.
 */
class MoneyCrashIT {
  private static final Duration START = Duration.ofSeconds(90);
  private static final String SECRET = "whsec_crash_test_0123456789abcdef012345";
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  @TempDir Path data;

  @Test
  void everyAcknowledgedPaymentSurvivesAKillNineAndTheBooksReconcile() throws Exception {
    int port = ServerProcess.freePort();
    String base = "http://127.0.0.1:" + port;
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    List<String> tokens = new ArrayList<>();
    try (ServerProcess server = MoneyServer.start(port, data, SECRET)) {
      server.awaitOutput("Slipstream is up", START);
      ApiAccounts accounts = new ApiAccounts(base);
      String ops = accounts.broadcaster("ops@example.com");
      for (int i = 0; i < 4; i++) {
        tokens.add(accounts.broadcaster("p" + i + "@example.com"));
      }
      AtomicBoolean storming = new AtomicBoolean(true);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      for (String token : tokens) {
        pool.submit(
            () -> {
              SplittableRandom random = new SplittableRandom(token.hashCode());
              while (storming.get()) {
                try {
                  HttpResponse<String> r =
                      post(
                          base,
                          "/api/wallet/deposits",
                          "{\"amountMinor\":"
                              + (100 + random.nextInt(900))
                              + ",\"paymentMethod\":\"tok_visa\"}",
                          token,
                          UUID.randomUUID());
                  if (r.statusCode() == 202) {
                    acknowledged.add(json.readTree(r.body()).get("id").asText());
                  }
                } catch (Exception e) {
                  return null;
                }
              }
              return null;
            });
      }
      Thread.sleep(4_000);
      assertThat(acknowledged).as(server.output()).isNotEmpty();
      server.signal("KILL");
      storming.set(false);
      server.awaitExit(Duration.ofSeconds(30));
      pool.shutdownNow();
      assertThat(ops).isNotEmpty();
    }

    int port2 = ServerProcess.freePort();
    String base2 = "http://127.0.0.1:" + port2;
    long settled = 0;
    try (ServerProcess again = MoneyServer.start(port2, data, SECRET)) {
      again.awaitOutput("Slipstream is up", START);
      Set<String> present = new java.util.HashSet<>();
      for (int i = 0; i < tokens.size(); i++) {
        String token = new ApiAccounts(base2).broadcaster("p" + i + "@example.com");
        long credited = 0;
        for (JsonNode d : get(base2, "/api/wallet/deposits", token).get("items")) {
          present.add(d.get("id").asText());
          assertThat(d.get("state").asText()).isIn("pending", "succeeded");
          if (d.get("state").asText().equals("succeeded")) {
            credited += d.get("amountMinor").asLong();
          }
        }
        long balance = get(base2, "/api/wallet", token).get("balanceMinor").asLong();
        assertThat(balance)
            .as("wallet %d holds exactly its succeeded deposits", i)
            .isEqualTo(credited);
        settled += credited;
      }
      assertThat(present).containsAll(acknowledged);
      again.signal("TERM");
      assertThat(again.awaitExit(Duration.ofSeconds(60))).isZero();
    }
    assertThat(settled).isPositive();

    assertThat(
            StoppedServerBooks.reconcile(data, SECRET, (db, ledger, closeFirst) -> List.of())
                .discrepancies())
        .isEmpty();
  }

  private HttpResponse<String> post(String base, String path, String body, String token, UUID key)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .header("Idempotency-Key", key.toString())
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode get(String base, String path, String token) throws Exception {
    return json.readTree(
        http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }
}
