package dev.slipstream.gateway;

import dev.slipstream.gateway.guard.GuardSettings;
import dev.slipstream.gateway.tls.TlsSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the gateway listens.
 *
 * @param host the address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port the TCP port, 0 for any free one (tests)
 * @param maxRequestBytes the largest request body accepted; larger ones get 413
 * @param corsOrigins origins ({@code scheme://host[:port]}) whose pages may call the API with
 *     credentials; empty allows same-origin pages only
 * @param guard rate limits, connection caps and timeouts against abusive clients
 * @param tls whether to serve HTTPS and WSS, and with which certificate
 */
public record GatewaySettings(
    String host,
    int port,
    long maxRequestBytes,
    List<String> corsOrigins,
    GuardSettings guard,
    TlsSettings tls) {
  /** Validates the values. */
  public GatewaySettings {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0–65535 (was " + port + ")");
    }
    if (maxRequestBytes < 1) {
      throw new IllegalArgumentException(
          "max request size must be positive (was " + maxRequestBytes + ")");
    }
    corsOrigins = List.copyOf(corsOrigins);
    corsOrigins.forEach(GatewaySettings::requireOrigin);
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(tls, "tls");
  }

  /** Settings over plain HTTP with no rate limits or connection caps. */
  public GatewaySettings(String host, int port, long maxRequestBytes, List<String> corsOrigins) {
    this(host, port, maxRequestBytes, corsOrigins, GuardSettings.none(), new TlsSettings.Off());
  }

  /** Returns these settings with other abuse protection. */
  public GatewaySettings withGuard(GuardSettings guard) {
    return new GatewaySettings(host, port, maxRequestBytes, corsOrigins, guard, tls);
  }

  /** Returns these settings serving TLS as {@code tls} says. */
  public GatewaySettings withTls(TlsSettings tls) {
    return new GatewaySettings(host, port, maxRequestBytes, corsOrigins, guard, tls);
  }

  /** Settings that allow no cross-origin callers. */
  public GatewaySettings(String host, int port, long maxRequestBytes) {
    this(host, port, maxRequestBytes, List.of());
  }

  /**
   * Checks that {@code origin} is exactly {@code http(s)://host[:port]}, as browsers send it.
   *
   * @throws IllegalArgumentException naming the origin when it is not
   */
  public static void requireOrigin(String origin) {
    try {
      URI uri = new URI(origin);
      boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      if (http
          && uri.getHost() != null
          && uri.getRawPath().isEmpty()
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null
          && uri.getRawUserInfo() == null
          && origin.equals(origin.toLowerCase(java.util.Locale.ROOT))) {
        return;
      }
    } catch (URISyntaxException e) {
      // Same answer as any other malformed origin.
    }
    throw new IllegalArgumentException(
        "a CORS origin must be http(s)://host[:port] in lower case, no path (was " + origin + ")");
  }
}
