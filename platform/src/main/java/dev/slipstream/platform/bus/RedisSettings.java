package dev.slipstream.platform.bus;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Where the Redis behind {@link SharedState#redis} lives and how its keys are named.
 *
 * @param uri a Redis URI such as {@code redis://127.0.0.1:6379/0} or {@code
 *     rediss://:password@cache.internal:6380}
 * @param keyPrefix 1 to 64 letters, digits or {@code . _ : -} put in front of every key and channel
 *     name, so deployments and test runs sharing one Redis stay apart; e.g. {@code slipstream:}
 * @param commandTimeout how long one command may take before it fails, 1 ms to 5 minutes; also the
 *     connect timeout
 */
public record RedisSettings(String uri, String keyPrefix, Duration commandTimeout) {
  private static final Pattern KEY_PREFIX = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

  /** Validates every setting, naming it, its value and what is allowed. */
  public RedisSettings {
    if (uri == null) {
      throw new IllegalArgumentException("redis uri must not be null");
    }
    parse(uri);
    if (keyPrefix == null || !KEY_PREFIX.matcher(keyPrefix).matches()) {
      throw new IllegalArgumentException(
          "redis keyPrefix must be 1 to 64 letters, digits or . _ : - (was " + keyPrefix + ")");
    }
    if (commandTimeout == null
        || commandTimeout.toMillis() < 1
        || commandTimeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "redis commandTimeout must be between 1 ms and 5 minutes (was " + commandTimeout + ")");
    }
  }

  /** Returns settings with the default command timeout of two seconds. */
  public static RedisSettings of(String uri, String keyPrefix) {
    return new RedisSettings(uri, keyPrefix, DEFAULT_TIMEOUT);
  }

  /** Returns the parsed URI carrying the command timeout. */
  RedisURI redisUri() {
    RedisURI parsed = parse(uri);
    parsed.setTimeout(commandTimeout);
    return parsed;
  }

  /** Returns host and port for messages, without any credentials the URI may carry. */
  String endpoint() {
    RedisURI parsed = parse(uri);
    return parsed.getSocket() != null
        ? parsed.getSocket()
        : parsed.getHost() + ":" + parsed.getPort();
  }

  private static RedisURI parse(String uri) {
    try {
      return RedisURI.create(uri);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "redis uri must look like redis://host:port[/database] or rediss://... (was "
              + redacted(uri)
              + "): "
              + e.getMessage(),
          e);
    }
  }

  private static String redacted(String uri) {
    return uri.replaceAll("//[^@/]*@", "//***@");
  }
}
