package dev.slipstream.gateway.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.platform.state.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InProcessRateLimiterTest {
  private final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RateLimiter limiter = RateLimiters.inProcess(clock);
  private final RateLimit twoPerSecondBurstThree = new RateLimit(2, 3);

  @Test
  void aFreshBucketLetsTheBurstThroughThenSaysWhenTheNextTokenIsDue() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryTake("ip:a", twoPerSecondBurstThree).allowed()).isTrue();
    }
    RateDecision refused = limiter.tryTake("ip:a", twoPerSecondBurstThree);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterMillis()).isEqualTo(500);
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
  }

  @Test
  void tokensComeBackAtTheRateButNeverAboveTheBurst() {
    for (int i = 0; i < 3; i++) {
      limiter.tryTake("ip:a", twoPerSecondBurstThree);
    }
    clock.advance(Duration.ofMillis(500));
    assertThat(limiter.tryTake("ip:a", twoPerSecondBurstThree).allowed()).isTrue();
    assertThat(limiter.tryTake("ip:a", twoPerSecondBurstThree).allowed()).isFalse();

    clock.advance(Duration.ofHours(1));
    int allowed = 0;
    while (limiter.tryTake("ip:a", twoPerSecondBurstThree).allowed()) {
      allowed++;
    }
    assertThat(allowed).isEqualTo(3);
  }

  @Test
  void oneKeysFloodLeavesAnotherKeysBucketFull() {
    while (limiter.tryTake("ip:flood", twoPerSecondBurstThree).allowed()) {
      // drain it
    }
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryTake("ip:calm", twoPerSecondBurstThree).allowed()).isTrue();
    }
  }
}
