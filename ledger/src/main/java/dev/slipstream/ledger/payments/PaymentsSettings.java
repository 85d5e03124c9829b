package dev.slipstream.ledger.payments;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How payments run.
 *
 * @param webhookSecret the secret the provider signs webhooks with, at least 32 bytes
 * @param signatureTolerance how far a webhook's signed timestamp may be from now, either way: 1 s
 *     to 15 min (5 min usual)
 * @param reviewThreshold withdrawals above this many minor units wait for an operator; 0 reviews
 *     every withdrawal
 * @param withdrawalHoldTimeout how long a withdrawal's hold may stay pending (review included)
 *     before the ledger expires it, 1 min to 7 days
 * @param clearingOwner the owner of the payment clearing accounts money enters and leaves through,
 *     e.g. {@code sandbox}
 */
public record PaymentsSettings(
    String webhookSecret,
    Duration signatureTolerance,
    long reviewThreshold,
    Duration withdrawalHoldTimeout,
    String clearingOwner) {
  private static final Pattern OWNER = Pattern.compile("[a-z0-9_\\-]{1,64}");

  /** Validates the settings, naming the setting, its value and what is allowed. */
  public PaymentsSettings {
    checkSecret("payments webhookSecret", webhookSecret);
    Objects.requireNonNull(signatureTolerance, "payments signatureTolerance");
    Objects.requireNonNull(withdrawalHoldTimeout, "payments withdrawalHoldTimeout");
    if (signatureTolerance.compareTo(Duration.ofSeconds(1)) < 0
        || signatureTolerance.compareTo(Duration.ofMinutes(15)) > 0) {
      throw new IllegalArgumentException(
          "payments signatureTolerance must be 1 s to 15 min (was " + signatureTolerance + ")");
    }
    if (reviewThreshold < 0) {
      throw new IllegalArgumentException(
          "payments reviewThreshold must be 0 or more minor units (was " + reviewThreshold + ")");
    }
    if (withdrawalHoldTimeout.compareTo(Duration.ofMinutes(1)) < 0
        || withdrawalHoldTimeout.compareTo(Duration.ofDays(7)) > 0) {
      throw new IllegalArgumentException(
          "payments withdrawalHoldTimeout must be 1 min to 7 days (was "
              + withdrawalHoldTimeout
              + ")");
    }
    if (clearingOwner == null || !OWNER.matcher(clearingOwner).matches()) {
      throw new IllegalArgumentException(
          "payments clearingOwner must be 1 to 64 of a-z, 0-9, '_' or '-' (was "
              + clearingOwner
              + ")");
    }
  }

  /**
   * Returns settings with {@code webhookSecret} and {@code reviewThreshold}: a 5-minute signature
   * window, 7-day withdrawal holds, clearing owned by {@code sandbox}.
   */
  public static PaymentsSettings defaults(String webhookSecret, long reviewThreshold) {
    return new PaymentsSettings(
        webhookSecret, Duration.ofMinutes(5), reviewThreshold, Duration.ofDays(7), "sandbox");
  }

  /** Keeps the secret out of logs. */
  @Override
  public String toString() {
    return "PaymentsSettings[webhookSecret=<"
        + webhookSecret.getBytes(StandardCharsets.UTF_8).length
        + " bytes>, signatureTolerance="
        + signatureTolerance
        + ", reviewThreshold="
        + reviewThreshold
        + ", withdrawalHoldTimeout="
        + withdrawalHoldTimeout
        + ", clearingOwner="
        + clearingOwner
        + "]";
  }

  static void checkSecret(String name, String secret) {
    int length = secret == null ? 0 : secret.getBytes(StandardCharsets.UTF_8).length;
    if (length < 32) {
      throw new IllegalArgumentException(
          name + " must be at least 32 bytes (was " + length + " bytes)");
    }
  }
}
