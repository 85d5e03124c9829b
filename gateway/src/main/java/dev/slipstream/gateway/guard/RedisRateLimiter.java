package dev.slipstream.gateway.guard;

import dev.slipstream.platform.bus.RedisSettings;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets in Redis, shared by every gateway node: one Lua script reads a bucket, refills it
 * for the time passed, takes a token and writes it back, atomically, with Redis's own clock (so
 * nodes whose clocks disagree still agree on the bucket). A bucket is a hash with its tokens and
 * the time it was last touched, expiring once it would be full again.
 *
 * <p>When Redis cannot be reached a request is let through and the failure logged: an outage of the
 * rate limiter must not take the API down with it.
 */
final class RedisRateLimiter implements RateLimiter {
  private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

  static final String SCRIPT =
      """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
      local rate = tonumber(ARGV[1])
      local burst = tonumber(ARGV[2])
      local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
      local tokens = tonumber(bucket[1])
      local at = tonumber(bucket[2])
      if tokens == nil or at == nil then
        tokens = burst
        at = now
      end
      tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000000)
      local allowed = 0
      local wait = 0
      if tokens >= 1 then
        tokens = tokens - 1
        allowed = 1
      else
        wait = math.ceil((1 - tokens) * 1000000 / rate)
      end
      redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'at', string.format('%.0f', now))
      redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
      return {allowed, wait}
      """;

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final String keyPrefix;
  private final String endpoint;
  private volatile String sha;

  private RedisRateLimiter(
      RedisClient client,
      StatefulRedisConnection<String, String> connection,
      String keyPrefix,
      String endpoint) {
    this.client = client;
    this.connection = connection;
    this.keyPrefix = keyPrefix;
    this.endpoint = endpoint;
    this.sha = connection.sync().scriptLoad(SCRIPT);
  }

  static RedisRateLimiter connect(RedisSettings settings) {
    RedisURI uri = RedisURI.create(settings.uri());
    uri.setTimeout(settings.commandTimeout());
    RedisClient client = RedisClient.create(uri);
    try {
      StatefulRedisConnection<String, String> connection = client.connect();
      String endpoint = settings.uri().replaceAll("//[^@/]*@", "//***@");
      return new RedisRateLimiter(client, connection, settings.keyPrefix() + "rate:", endpoint);
    } catch (RedisException e) {
      client.shutdown(0, 2, TimeUnit.SECONDS);
      throw new IllegalStateException(
          "cannot connect to Redis for rate limits at "
              + settings.uri().replaceAll("//[^@/]*@", "//***@")
              + ": "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public RateDecision tryTake(String key, RateLimit limit) {
    RedisCommands<String, String> redis = connection.sync();
    String[] keys = {keyPrefix + key};
    String[] args = {
      Integer.toString(limit.perSecond()),
      Integer.toString(limit.burst()),
      Long.toString(limit.refillMillis() + 1_000)
    };
    try {
      List<Long> answer;
      try {
        answer = redis.evalsha(sha, ScriptOutputType.MULTI, keys, args);
      } catch (RedisNoScriptException e) {
        // Redis restarted or its script cache was flushed: load it again.
        sha = redis.scriptLoad(SCRIPT);
        answer = redis.evalsha(sha, ScriptOutputType.MULTI, keys, args);
      }
      if (answer.get(0) == 1L) {
        return RateDecision.ALLOWED;
      }
      return new RateDecision(false, Math.max(1, answer.get(1) / 1_000));
    } catch (RedisException e) {
      log.warn("rate limit check in Redis failed; letting the request through: {}", e.getMessage());
      return RateDecision.ALLOWED;
    }
  }

  @Override
  public String description() {
    return "rate limits in Redis at " + endpoint + " (shared by every node)";
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(0, 2, TimeUnit.SECONDS);
  }
}
