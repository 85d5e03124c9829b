package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.gateway.guard.GuardSettings;
import dev.slipstream.gateway.guard.RateLimit;
import dev.slipstream.platform.bus.RedisSettings;
import dev.slipstream.platform.state.LocalRedis;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateway nodes keeping their rate limits in the machine's Redis drain one bucket per client
 * address: a client that spreads its flood over both nodes gets no more than the one bucket holds.
 */
class RateLimitRedisIT {
  private static final LocalRedis redis = LocalRedis.requireRunning("ratelimit");
  private static final int BURST = 10;

  @AfterAll
  static void cleanUp() {
    redis.deleteKeys();
  }

  @Test
  void twoNodesShareOneBucketPerAddressAndAnotherAddressStillGetsThrough() throws Exception {
    RedisSettings shared = redis.freshSettings();
    GuardSettings guard =
        GuardSettings.none().withRateLimits(new RateLimit(1, BURST), null, shared);
    try (GatewayFixture first =
            GatewayFixture.startWith(
                GatewayFixture.Setup.defaults().withGateway(s -> s.withGuard(guard)));
        GatewayFixture second =
            GatewayFixture.startWith(
                GatewayFixture.Setup.defaults().withGateway(s -> s.withGuard(guard)))) {
      long startedNanos = System.nanoTime();
      int allowed = 0;
      int refusedOnSecond = 0;
      for (int i = 0; i < BURST * 2; i++) {
        GatewayFixture node = i % 2 == 0 ? first : second;
        int status = node.get("/api/streams").statusCode();
        assertThat(status).isIn(200, 429);
        if (status == 200) {
          allowed++;
        } else if (node == second) {
          refusedOnSecond++;
        }
      }
      long elapsedSeconds = (System.nanoTime() - startedNanos) / 1_000_000_000L + 1;
      // One shared bucket lets BURST through plus what refilled meanwhile (1 a second); two
      // separate buckets would have let all 2 * BURST through.
      assertThat(allowed).isLessThanOrEqualTo(BURST + (int) elapsedSeconds);
      assertThat(allowed).isLessThan(BURST * 2);
      assertThat(refusedOnSecond).as("the second node saw the first node's takings").isPositive();

      HttpClient elsewhere =
          HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.4")).build();
      HttpResponse<String> other =
          elsewhere.send(
              HttpRequest.newBuilder(second.uri("/api/streams")).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(other.statusCode()).as("another address is not starved").isEqualTo(200);
    }
  }
}
