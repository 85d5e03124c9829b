package dev.slipstream.server.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole, validated configuration of one Slipstream process. Built once at start from flags,
 * environment, the optional file and defaults (in that precedence); immutable afterwards.
 *
 * @param httpHost the address the HTTP server binds
 * @param httpPort the HTTP port
 * @param dataDirectory where local state lives
 * @param databaseUrl an external PostgreSQL, or empty for the embedded one
 * @param databaseUser the external database's user, or empty
 * @param databasePassword the external database's password, or empty
 * @param databasePoolSize the most pooled connections
 * @param redisUrl a Redis to share state and events with other processes, or empty
 * @param media the media plane's sockets and timing
 * @param roles the roles this process runs
 * @param maxRequestBytes the largest HTTP request body
 * @param auth accounts and tokens: admin email, JWT secrets, token lifetimes, CORS origins
 * @param money payments and personal-data protection
 * @param logLevel the root log level
 * @param visionPose the vision pipeline's pose model: off, lite or full
 * @param visionDetector how the vision pipeline finds people
 * @param betsJournal where bets become durable: {@code postgres} or {@code local}
 * @param guard the gateway's rate limits, connection caps, timeouts and TLS
 * @param values every setting's raw value and source, for {@code slipstream config}
 */
public record SlipstreamConfig(
    String httpHost,
    int httpPort,
    Path dataDirectory,
    Optional<String> databaseUrl,
    String databaseUser,
    String databasePassword,
    int databasePoolSize,
    Optional<URI> redisUrl,
    MediaConfig media,
    Set<Role> roles,
    long maxRequestBytes,
    AuthConfig auth,
    MoneyConfig money,
    String logLevel,
    String visionPose,
    VisionDetectorConfig visionDetector,
    String betsJournal,
    GuardConfig guard,
    Map<Setting, SettingValue> values) {

  /** Copies the collections. */
  public SlipstreamConfig {
    roles = Set.copyOf(roles);
    values = Map.copyOf(values);
  }

  /**
   * Reads and validates the configuration.
   *
   * @param flags the {@code --name=value} arguments after the command
   * @param env the process environment
   * @param workingDirectory where relative paths in settings are resolved
   * @param home the Slipstream folder, for the default data directory
   * @throws ConfigException naming the first wrong setting, its value and what is allowed
   */
  public static SlipstreamConfig load(
      List<String> flags, Map<String, String> env, Path workingDirectory, Path home) {
    Map<Setting, SettingValue> v = ConfigSources.collect(flags, env, workingDirectory);
    SettingValue dataDir = v.get(Settings.DATA_DIR);
    return new SlipstreamConfig(
        host(v.get(Settings.HTTP_HOST)),
        (int) range(v.get(Settings.HTTP_PORT), 1, 65_535),
        dataDir.source() instanceof SettingValue.Source.Default
            ? home.resolve(".data")
            : path(dataDir, workingDirectory),
        databaseUrl(v.get(Settings.DATABASE_URL)),
        v.get(Settings.DATABASE_USER).value(),
        v.get(Settings.DATABASE_PASSWORD).value(),
        (int) range(v.get(Settings.DATABASE_POOL_SIZE), 1, 500),
        redisUrl(v.get(Settings.REDIS_URL)),
        new MediaConfig(
            (int) range(v.get(Settings.MEDIA_UDP_PORT), 0, 65_535),
            (int) range(v.get(Settings.MEDIA_TCP_PORT), 0, 65_535),
            (int) range(v.get(Settings.MEDIA_RTMP_PORT), 0, 65_535),
            (int) range(v.get(Settings.MEDIA_SRT_PORT), 0, 65_535),
            addresses(v.get(Settings.MEDIA_ANNOUNCED_ADDRESSES)),
            Duration.ofSeconds(range(v.get(Settings.MEDIA_RECONNECT_GRACE), 0, 300))),
        roles(v.get(Settings.ROLES)),
        range(v.get(Settings.MAX_REQUEST_BYTES), 1024, 1L << 30),
        new AuthConfig(
            list(v.get(Settings.CORS_ORIGINS), SlipstreamConfig::origin),
            adminEmail(v.get(Settings.ADMIN_EMAIL)),
            list(v.get(Settings.JWT_SECRETS), SlipstreamConfig::jwtSecret),
            Duration.ofSeconds(range(v.get(Settings.ACCESS_TOKEN_SECONDS), 60, 86_400)),
            Duration.ofDays(range(v.get(Settings.REFRESH_TOKEN_DAYS), 1, 365))),
        MoneyConfig.load(v),
        oneOf(v.get(Settings.LOG_LEVEL), "trace", "debug", "info", "warn", "error"),
        oneOf(v.get(Settings.VISION_POSE), "off", "lite", "full"),
        VisionDetectorConfig.load(v),
        oneOf(v.get(Settings.BETS_JOURNAL), "postgres", "local"),
        GuardConfig.load(v, redisUrl(v.get(Settings.REDIS_URL)), workingDirectory),
        v);
  }

  private static String host(SettingValue v) {
    String host = v.value().strip();
    if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
      throw v.invalid("must be " + v.setting().allowed());
    }
    return host;
  }

  static long range(SettingValue v, long min, long max) {
    long n;
    try {
      n = Long.parseLong(v.value().strip());
    } catch (NumberFormatException e) {
      throw v.invalid("must be a whole number " + v.setting().allowed());
    }
    if (n < min || n > max) {
      throw v.invalid("must be " + v.setting().allowed());
    }
    return n;
  }

  private static Path path(SettingValue v, Path workingDirectory) {
    if (v.value().isBlank()) {
      throw v.invalid("must be " + v.setting().allowed());
    }
    try {
      return workingDirectory.resolve(v.value().strip()).normalize();
    } catch (InvalidPathException e) {
      throw v.invalid("is not a valid path: " + e.getReason());
    }
  }

  private static Optional<String> databaseUrl(SettingValue v) {
    String url = v.value().strip();
    if (url.isEmpty()) {
      return Optional.empty();
    }
    if (!url.startsWith("jdbc:postgresql://")) {
      throw v.invalid("must be " + v.setting().allowed());
    }
    return Optional.of(url);
  }

  private static Optional<URI> redisUrl(SettingValue v) {
    String url = v.value().strip();
    if (url.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url);
      if (("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // Same answer as a wrong scheme.
    }
    throw v.invalid("must be " + v.setting().allowed());
  }

  private static List<InetAddress> addresses(SettingValue v) {
    List<InetAddress> addresses = new ArrayList<>();
    for (String part : v.value().split(",")) {
      String text = part.strip();
      if (text.isEmpty()) {
        continue;
      }
      // Only literal IPs: a host name here would make start-up depend on DNS.
      if (!text.matches("[0-9.]+|[0-9a-fA-F:]+")) {
        throw v.invalid("must be " + v.setting().allowed());
      }
      try {
        addresses.add(InetAddress.getByName(text));
      } catch (UnknownHostException e) {
        throw v.invalid("must be " + v.setting().allowed());
      }
    }
    return List.copyOf(addresses);
  }

  private static Set<Role> roles(SettingValue v) {
    String text = v.value().strip().toLowerCase(Locale.ROOT);
    if ("all".equals(text)) {
      return EnumSet.allOf(Role.class);
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : text.split(",")) {
      String role = name.strip();
      roles.add(
          Arrays.stream(Role.values())
              .filter(r -> r.wireName().equals(role))
              .findFirst()
              .orElseThrow(() -> v.invalid("must be " + v.setting().allowed())));
    }
    return roles;
  }

  private static List<String> list(SettingValue v, java.util.function.Predicate<String> valid) {
    List<String> items = new ArrayList<>();
    for (String part : v.value().split(",")) {
      String item = part.strip();
      if (item.isEmpty()) {
        continue;
      }
      if (!valid.test(item)) {
        throw v.invalid("must be " + v.setting().allowed());
      }
      items.add(item);
    }
    return List.copyOf(items);
  }

  private static boolean origin(String text) {
    try {
      URI uri = new URI(text);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getRawPath().isEmpty()
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null
          && uri.getRawUserInfo() == null
          && text.equals(text.toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean jwtSecret(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= 32;
  }

  private static Optional<String> adminEmail(SettingValue v) {
    String email = v.value().strip();
    if (email.isEmpty()) {
      return Optional.empty();
    }
    int at = email.lastIndexOf('@');
    if (at < 1 || at == email.length() - 1 || email.chars().anyMatch(Character::isWhitespace)) {
      throw v.invalid("must be " + v.setting().allowed());
    }
    return Optional.of(email);
  }

  static String oneOf(SettingValue v, String... allowed) {
    String value = v.value().strip().toLowerCase(Locale.ROOT);
    if (!Arrays.asList(allowed).contains(value)) {
      throw v.invalid("must be " + v.setting().allowed());
    }
    return value;
  }
}
