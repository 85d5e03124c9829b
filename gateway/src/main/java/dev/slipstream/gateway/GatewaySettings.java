package dev.slipstream.gateway;

import java.util.Objects;

/**
 * Where and how the gateway listens.
 *
 * @param host the address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port the TCP port, 0 for any free one (tests)
 * @param maxRequestBytes the largest request body accepted; larger ones get 413
 */
public record GatewaySettings(String host, int port, long maxRequestBytes) {
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
  }
}
