package dev.slipstream.ledger.payments;

import dev.slipstream.platform.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: header {@code Slipstream-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256(secret, t + "." + body)>}. Signing the timestamp with the body lets the receiver
 * refuse an old event replayed by someone who captured it; more than one {@code v1} may be sent
 * while the provider rotates its secret.
 */
final class WebhookSignature {
  /** The header that carries the signature (HTTP header names are case-insensitive). */
  static final String HEADER = "Slipstream-Signature";

  private static final HexFormat HEX = HexFormat.of();

  private final SecretKeySpec key;

  WebhookSignature(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** Returns the header value signing {@code body} at {@code at}. */
  String sign(byte[] body, Instant at) {
    long t = at.getEpochSecond();
    return "t=" + t + ",v1=" + HEX.formatHex(mac(t, body));
  }

  /**
   * Checks the signature in {@code headers} over {@code body} and that it was made within {@code
   * tolerance} of {@code now}, either way.
   *
   * @throws UnauthorizedException {@code invalid_signature} when the header is missing, garbled or
   *     no signature matches; {@code stale_timestamp} when it matches but is too old or in the
   *     future
   */
  void verify(byte[] body, Map<String, String> headers, Instant now, Duration tolerance) {
    String header = header(headers);
    long t = -1;
    List<byte[]> candidates = new ArrayList<>();
    for (String part : header.split(",")) {
      int eq = part.indexOf('=');
      String name = eq < 0 ? "" : part.substring(0, eq).trim();
      String value = eq < 0 ? "" : part.substring(eq + 1).trim();
      switch (name) {
        case "t" -> t = timestamp(value);
        case "v1" -> candidates.add(hex(value));
        default -> {
          // other schemes (v0, future versions) are not ours to check
        }
      }
    }
    if (t < 0 || candidates.isEmpty()) {
      throw invalid("the " + HEADER + " header must carry t=<unix seconds> and v1=<hex HMAC>");
    }
    byte[] expected = mac(t, body);
    boolean matched = false;
    for (byte[] candidate : candidates) {
      // constant time, and every candidate checked, so timing says nothing about which was close
      matched |= MessageDigest.isEqual(expected, candidate);
    }
    if (!matched) {
      throw invalid("no signature in the " + HEADER + " header matches the body");
    }
    Duration age = Duration.between(Instant.ofEpochSecond(t), now);
    if (age.abs().compareTo(tolerance) > 0) {
      throw new UnauthorizedException(
          "stale_timestamp",
          "webhook signed at "
              + Instant.ofEpochSecond(t)
              + " is outside the "
              + tolerance.toMinutes()
              + "-minute window around "
              + now);
    }
  }

  private static String header(Map<String, String> headers) {
    for (Map.Entry<String, String> entry : headers.entrySet()) {
      if (HEADER.equalsIgnoreCase(entry.getKey()) && entry.getValue() != null) {
        return entry.getValue();
      }
    }
    throw invalid("the webhook has no " + HEADER + " header");
  }

  private static long timestamp(String value) {
    try {
      long t = Long.parseLong(value);
      return t < 0 ? -1 : t;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static byte[] hex(String value) {
    try {
      return HEX.parseHex(value);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  private byte[] mac(long t, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static UnauthorizedException invalid(String message) {
    return new UnauthorizedException("invalid_signature", message);
  }
}
