package dev.slipstream.platform.state;

import dev.slipstream.platform.Health;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * The state store on Redis: each key lives at {@code <prefix>state:<key>} as a plain string.
 *
 * <p>Design: single-key writes map onto one command ({@code SET [NX] [PX]}, {@code INCRBY}, {@code
 * DEL}); the two read-then-write operations, compare-and-set and increment-with-expiry, are short
 * Lua scripts, which Redis runs atomically. Scripts go through {@code EVAL} rather than a cached
 * {@code EVALSHA}: they are a few hundred bytes, Redis caches the compiled script by its hash
 * anyway, and nothing breaks after a {@code SCRIPT FLUSH} or a fail-over to a replica that never
 * saw them. All calls share one thread-safe Lettuce connection, which pipelines concurrent callers.
 */
final class RedisStateStore implements StateStore {
  private static final String COMPARE_AND_SET =
      """
      if redis.call('GET', KEYS[1]) ~= ARGV[1] then
        return 0
      end
      if ARGV[3] == '0' then
        redis.call('SET', KEYS[1], ARGV[2])
      else
        redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
      end
      return 1
      """;

  // The expiry is set only while the counter has none (PTTL -1), so it starts at creation and
  // later increments do not extend it; PEXPIRE's NX flag would do the same but needs Redis 7.
  private static final String INCREMENT_WITH_EXPIRY =
      """
      local value = redis.call('INCRBY', KEYS[1], ARGV[1])
      if redis.call('PTTL', KEYS[1]) == -1 then
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
      end
      return value
      """;

  private final StatefulRedisConnection<String, byte[]> connection;
  private final String keyPrefix;

  RedisStateStore(StatefulRedisConnection<String, byte[]> connection, String keyPrefix) {
    this.connection = connection;
    this.keyPrefix = keyPrefix + "state:";
  }

  @Override
  public Optional<byte[]> get(String key) {
    String redisKey = redisKey(key);
    return Optional.ofNullable(call("GET", redis -> redis.get(redisKey)));
  }

  @Override
  public void put(String key, byte[] value, Expiry expiry) {
    String redisKey = redisKey(key);
    StateKeys.requireValue("value", value);
    SetArgs args = setArgs(StateKeys.requireExpiry(expiry));
    call("SET", redis -> redis.set(redisKey, value, args));
  }

  @Override
  public boolean putIfAbsent(String key, byte[] value, Expiry expiry) {
    String redisKey = redisKey(key);
    StateKeys.requireValue("value", value);
    SetArgs args = setArgs(StateKeys.requireExpiry(expiry)).nx();
    return "OK".equals(call("SET NX", redis -> redis.set(redisKey, value, args)));
  }

  @Override
  public boolean compareAndSet(String key, byte[] expected, byte[] replacement, Expiry expiry) {
    String redisKey = redisKey(key);
    StateKeys.requireValue("expected", expected);
    StateKeys.requireValue("replacement", replacement);
    byte[] ttl = ttlArgument(StateKeys.requireExpiry(expiry));
    Long swapped =
        call(
            "compare-and-set",
            redis ->
                redis.eval(
                    COMPARE_AND_SET,
                    ScriptOutputType.INTEGER,
                    new String[] {redisKey},
                    expected,
                    replacement,
                    ttl));
    return swapped == 1L;
  }

  @Override
  public boolean delete(String key) {
    String redisKey = redisKey(key);
    return call("DEL", redis -> redis.del(redisKey)) > 0;
  }

  @Override
  public long incrementBy(String key, long delta, Expiry expiry) {
    String redisKey = redisKey(key);
    StateKeys.requireExpiry(expiry);
    try {
      Long value =
          switch (expiry) {
            case Expiry.Never never -> connection.sync().incrby(redisKey, delta);
            case Expiry.After after ->
                connection
                    .sync()
                    .eval(
                        INCREMENT_WITH_EXPIRY,
                        ScriptOutputType.INTEGER,
                        new String[] {redisKey},
                        StateKeys.encodeCounter(delta),
                        ttlArgument(after));
          };
      return value;
    } catch (RedisCommandExecutionException e) {
      // Redis refuses a non-integer value and an overflow with the same kind of error.
      throw new IllegalStateException(
          "counter " + key + " cannot be incremented by " + delta + ": " + e.getMessage(), e);
    } catch (RedisException e) {
      throw unavailable("INCRBY", e);
    }
  }

  @Override
  public long getCounter(String key) {
    return get(key).map(value -> StateKeys.decodeCounter(key, value)).orElse(0L);
  }

  @Override
  public Health health() {
    if (!connection.isOpen()) {
      return Health.down("Redis state store is disconnected and reconnecting");
    }
    long start = System.nanoTime();
    try {
      String answer = connection.sync().ping();
      double millis = (System.nanoTime() - start) / 1e6;
      return Health.up(
          String.format("Redis state store answered PING with %s in %.1f ms", answer, millis));
    } catch (RedisException e) {
      return Health.down("Redis state store did not answer PING: " + e.getMessage());
    }
  }

  private String redisKey(String key) {
    return keyPrefix + StateKeys.requireKey(key);
  }

  private <T> T call(String operation, Function<RedisCommands<String, byte[]>, T> command) {
    try {
      return command.apply(connection.sync());
    } catch (RedisException e) {
      throw unavailable(operation, e);
    }
  }

  private static SharedStateUnavailableException unavailable(String operation, RedisException e) {
    return new SharedStateUnavailableException(
        "Redis state store failed " + operation + ": " + e.getMessage(), e);
  }

  private static SetArgs setArgs(Expiry expiry) {
    return switch (expiry) {
      case Expiry.Never never -> new SetArgs();
      case Expiry.After after -> new SetArgs().px(after.millis());
    };
  }

  private static byte[] ttlArgument(Expiry expiry) {
    long millis =
        switch (expiry) {
          case Expiry.Never never -> 0;
          case Expiry.After after -> after.millis();
        };
    return Long.toString(millis).getBytes(StandardCharsets.US_ASCII);
  }
}
