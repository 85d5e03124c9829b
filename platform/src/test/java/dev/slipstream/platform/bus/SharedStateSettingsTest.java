package dev.slipstream.platform.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.platform.state.SharedStateUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Start-up settings of the shared state fail fast with a message naming setting and value. */
class SharedStateSettingsTest {

  @Test
  void aRedisUriThatIsNotOneIsRefusedWithoutRevealingItsPassword() {
    assertThatThrownBy(() -> RedisSettings.of("http://user:secret@host:80", "slipstream:"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("redis uri must look like redis://host:port[/database]")
        .hasMessageContaining("http://***@host:80")
        .hasMessageNotContaining("secret");
  }

  @Test
  void aKeyPrefixWithSpacesOrGlobCharactersIsRefused() {
    assertThatThrownBy(() -> RedisSettings.of("redis://127.0.0.1:6379", "my prefix*"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("redis keyPrefix must be 1 to 64 letters, digits or . _ : - (was my prefix*)");
  }

  @Test
  void aZeroCommandTimeoutIsRefused() {
    assertThatThrownBy(
            () -> new RedisSettings("redis://127.0.0.1:6379", "slipstream:", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("redis commandTimeout must be between 1 ms and 5 minutes (was PT0S)");
  }

  @Test
  void busLimitsOutsideTheirRangeAreRefused() {
    assertThatThrownBy(() -> new BusLimits(0, 16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxEntriesPerTopic must be between 1 and 10000000 (was 0)");
    assertThatThrownBy(() -> new BusLimits(16, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("channelBufferPerSubscriber must be between 1 and 1000000 (was -1)");
  }

  @Test
  void aTopicKeepsTheRetentionOfItsLongestMatchingPrefix() {
    BusLimits limits =
        new BusLimits(100, 16).withRetention("account.", 5).withRetention("account.vip.", 50);

    assertThat(limits.maxEntriesOf("account.u1")).isEqualTo(5);
    assertThat(limits.maxEntriesOf("account.vip.u2")).isEqualTo(50);
    assertThat(limits.maxEntriesOf("odds.m1")).isEqualTo(100);
    assertThat(limits.maxEntriesOf("account")).isEqualTo(100);
    assertThat(BusLimits.defaults().maxEntriesOf("account.u1")).isEqualTo(10_000);
  }

  @Test
  void prefixRetentionsThatMakeNoSenseAreRefused() {
    assertThatThrownBy(() -> new BusLimits(100, 16).withRetention("", 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a topic retention needs a non-empty topic prefix");
    assertThatThrownBy(() -> new BusLimits(100, 16).withRetention("account.", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxEntries of topics account.* must be between 1 and 10000000 (was 0)");
    assertThatThrownBy(
            () -> new BusLimits(100, 16).withRetention("account.", 5).withRetention("account.", 6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("topic prefix account. is given two retentions");
  }

  @Test
  void anUnreachableRedisIsReportedWithWhereAndWhy() {
    RedisSettings nowhere =
        new RedisSettings("redis://127.0.0.1:1", "slipstream:", Duration.ofMillis(500));

    assertThatThrownBy(() -> SharedState.redis(nowhere, BusLimits.defaults()))
        .isInstanceOf(SharedStateUnavailableException.class)
        .hasMessageStartingWith("cannot connect to Redis at 127.0.0.1:1: ");
  }

  @Test
  void inProcessSharedStateDescribesItself() {
    try (SharedState shared = SharedState.inProcess()) {
      assertThat(shared.description()).isEqualTo("in-process state and event bus");
      assertThat(shared.state().health().up()).isTrue();
    }
  }
}
