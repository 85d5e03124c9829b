package dev.slipstream.platform.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.platform.bus.BusLimits;
import dev.slipstream.platform.bus.SharedState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Runs the state store contract on the in-process store, with time moved by hand. */
class InProcessStateStoreTest extends StateStoreContract {
  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T12:00:00Z"));

  @Override
  protected SharedState open() {
    return SharedState.inProcess(clock, BusLimits.defaults());
  }

  @Override
  protected void letTimePass(Duration duration) {
    clock.advance(duration);
  }

  @Test
  void aValueIsThereOneMillisecondBeforeItsTtlAndGoneExactlyAtIt() {
    store.put("k", "v".getBytes(UTF_8), Expiry.after(Duration.ofSeconds(30)));

    clock.advance(Duration.ofSeconds(30).minusMillis(1));
    assertThat(store.get("k")).isPresent();
    clock.advance(Duration.ofMillis(1));
    assertThat(store.get("k")).isEmpty();
  }

  @Test
  void expiredKeysThatAreNeverReadAgainAreSweptAwayByLaterWrites() {
    for (int i = 0; i < 2_000; i++) {
      store.put("old:" + i, new byte[] {1}, Expiry.after(Duration.ofSeconds(1)));
    }
    clock.advance(Duration.ofSeconds(2));
    for (int i = 0; i < 2_100; i++) {
      store.put("new:" + (i % 10), new byte[] {2});
    }

    assertThat(store.health().detail()).isEqualTo("in-process state store holding 10 keys");
  }
}
