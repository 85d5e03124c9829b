package dev.slipstream.platform.state;

import dev.slipstream.platform.bus.BusLimits;
import dev.slipstream.platform.bus.SharedState;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Runs the state store contract on the local Redis, with real short TTLs. */
class RedisStateStoreIT extends StateStoreContract {
  private static LocalRedis redis;

  @BeforeAll
  static void requireRedis() {
    redis = LocalRedis.requireRunning("state");
  }

  @AfterAll
  static void deleteTestKeys() {
    if (redis != null) {
      redis.deleteKeys();
    }
  }

  @Override
  protected SharedState open() {
    return SharedState.redis(redis.freshSettings(), BusLimits.defaults());
  }

  @Override
  protected void letTimePass(Duration duration) throws InterruptedException {
    Thread.sleep(duration);
  }
}
