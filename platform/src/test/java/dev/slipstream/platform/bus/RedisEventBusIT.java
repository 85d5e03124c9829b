package dev.slipstream.platform.bus;

import dev.slipstream.platform.state.LocalRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Runs the event bus contract on the local Redis, each test under its own key prefix. */
class RedisEventBusIT extends EventBusContract {
  private static LocalRedis redis;

  @BeforeAll
  static void requireRedis() {
    redis = LocalRedis.requireRunning("bus");
  }

  @AfterAll
  static void deleteTestKeys() {
    if (redis != null) {
      redis.deleteKeys();
    }
  }

  @Override
  protected SharedState open(BusLimits limits) {
    return SharedState.redis(redis.freshSettings(), limits);
  }
}
