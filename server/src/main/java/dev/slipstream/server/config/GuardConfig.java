package dev.slipstream.server.config;

import dev.slipstream.gateway.guard.GuardSettings;
import dev.slipstream.gateway.guard.RateLimit;
import dev.slipstream.gateway.tls.TlsSettings;
import dev.slipstream.platform.bus.RedisSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's abuse protection and TLS part of the configuration.
 *
 * @param guard rate limits, connection caps and timeouts
 * @param tls whether and how to serve HTTPS
 */
public record GuardConfig(GuardSettings guard, TlsSettings tls) {

  /** The key prefix of the rate-limit buckets in a shared Redis (the node's own prefix). */
  static final String REDIS_KEY_PREFIX = "slipstream:";

  static GuardConfig load(
      Map<Setting, SettingValue> v, Optional<URI> redisUrl, Path workingDirectory) {
    long addressRate =
        SlipstreamConfig.range(v.get(Settings.RATE_ADDRESS_PER_SECOND), 0, 1_000_000);
    int addressBurst =
        (int) SlipstreamConfig.range(v.get(Settings.RATE_ADDRESS_BURST), 1, 1_000_000);
    long accountRate =
        SlipstreamConfig.range(v.get(Settings.RATE_ACCOUNT_PER_SECOND), 0, 1_000_000);
    int accountBurst =
        (int) SlipstreamConfig.range(v.get(Settings.RATE_ACCOUNT_BURST), 1, 1_000_000);
    SettingValue store = v.get(Settings.RATE_STORE);
    RedisSettings redis = null;
    if (SlipstreamConfig.oneOf(store, "in-process", "redis").equals("redis")) {
      URI uri =
          redisUrl.orElseThrow(() -> store.invalid("needs redis.url to name the Redis to use"));
      redis = RedisSettings.of(uri.toString(), REDIS_KEY_PREFIX);
    }
    GuardSettings guard =
        new GuardSettings(
            addressRate == 0 ? null : new RateLimit((int) addressRate, addressBurst),
            accountRate == 0 ? null : new RateLimit((int) accountRate, accountBurst),
            redis,
            (int) SlipstreamConfig.range(v.get(Settings.MAX_CONNECTIONS_PER_ADDRESS), 0, 100_000),
            (int) SlipstreamConfig.range(v.get(Settings.MAX_LIVE_SOCKETS_PER_ADDRESS), 0, 100_000),
            Duration.ofSeconds(SlipstreamConfig.range(v.get(Settings.IDLE_TIMEOUT), 1, 3_600)),
            SlipstreamConfig.range(v.get(Settings.MIN_REQUEST_DATA_RATE), 0, 1_000_000_000),
            (int) SlipstreamConfig.range(v.get(Settings.MAX_HEADER_BYTES), 1_024, 1_048_576));
    return new GuardConfig(guard, tls(v, workingDirectory));
  }

  private static TlsSettings tls(Map<Setting, SettingValue> v, Path workingDirectory) {
    SettingValue mode = v.get(Settings.TLS);
    return switch (SlipstreamConfig.oneOf(mode, "off", "self-signed", "pem", "pkcs12")) {
      case "self-signed" -> new TlsSettings.SelfSigned(List.of("localhost", "127.0.0.1", "::1"));
      case "pem" ->
          new TlsSettings.Pem(
              readable(v.get(Settings.TLS_CERTIFICATE), workingDirectory, mode),
              readable(v.get(Settings.TLS_KEY), workingDirectory, mode));
      case "pkcs12" ->
          new TlsSettings.Pkcs12(
              readable(v.get(Settings.TLS_CERTIFICATE), workingDirectory, mode),
              v.get(Settings.TLS_PASSWORD).value());
      default -> new TlsSettings.Off();
    };
  }

  private static Path readable(SettingValue file, Path workingDirectory, SettingValue mode) {
    if (file.value().isBlank()) {
      throw file.invalid("must name a file when " + mode.label());
    }
    Path path = workingDirectory.resolve(file.value().strip()).normalize();
    if (!Files.isReadable(path)) {
      throw file.invalid("must be " + file.setting().allowed() + " (cannot read " + path + ")");
    }
    return path;
  }
}
