package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.gateway.guard.GuardSettings;
import dev.slipstream.gateway.guard.RateLimit;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The REST rate limits on one node (buckets in this process), on a real gateway whose clock stands
 * still unless the test moves it, so no bucket refills behind the test's back.
 */
class RateLimitIT {
  private static final int ADDRESS_BURST = 40;
  private static final int ACCOUNT_BURST = 5;
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture =
        GatewayFixture.startWith(
            GatewayFixture.Setup.defaults()
                .withGateway(
                    settings ->
                        settings.withGuard(
                            GuardSettings.none()
                                .withRateLimits(
                                    new RateLimit(1, ADDRESS_BURST),
                                    new RateLimit(1, ACCOUNT_BURST),
                                    null))));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void aFloodingAddressIsRefusedWithRetryAfterWhileAnotherAddressStillGetsThrough()
      throws Exception {
    HttpResponse<String> refused = null;
    for (int i = 0; i < ADDRESS_BURST + 5 && refused == null; i++) {
      HttpResponse<String> answer = fixture.get("/api/streams");
      if (answer.statusCode() == 429) {
        refused = answer;
      } else {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      }
    }
    assertThat(refused).as("the flood was never limited").isNotNull();
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(refused.body()).contains("\"code\":\"rate_limited\"");
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");

    HttpClient fromElsewhere =
        HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
    HttpResponse<String> other = get(fromElsewhere, "/api/streams");
    assertThat(other.statusCode()).as("another address is not starved").isEqualTo(200);
    assertThat(fixture.get("/api/streams").statusCode()).isEqualTo(429);

    fixture.clock.advance(Duration.ofSeconds(2));
    assertThat(fixture.get("/api/streams").statusCode())
        .as("tokens come back with time")
        .isEqualTo(200);
  }

  @Test
  void anAccountIsHeldToItsRateFromAnyAddressWhileOtherAccountsGoOn() throws Exception {
    fixture.clock.advance(Duration.ofSeconds(ADDRESS_BURST));
    String flooder = fixture.userWith("flooder@example.com");
    String patient = fixture.userWith("patient@example.com");
    HttpClient second =
        HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.3")).build();
    int ok = 0;
    HttpResponse<String> refused = null;
    for (int i = 0; i < ACCOUNT_BURST * 2 && refused == null; i++) {
      // Alternate addresses: the account's bucket is the same from both.
      HttpResponse<String> answer =
          i % 2 == 0 ? fixture.get("/api/me", flooder) : get(second, "/api/me", flooder);
      if (answer.statusCode() == 429) {
        refused = answer;
      } else {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        ok++;
      }
    }
    assertThat(ok).isEqualTo(ACCOUNT_BURST);
    assertThat(refused).isNotNull();
    assertThat(refused.body()).contains("\"code\":\"rate_limited\"").contains("this account");
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();

    assertThat(fixture.get("/api/me", patient).statusCode())
        .as("another account from the same address is not starved")
        .isEqualTo(200);
  }

  private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
    return get(client, path, null);
  }

  private static HttpResponse<String> get(HttpClient client, String path, String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(fixture.uri(path)).GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
