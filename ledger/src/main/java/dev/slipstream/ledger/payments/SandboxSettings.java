package dev.slipstream.ledger.payments;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * How the sandbox provider behaves.
 *
 * @param webhookSecret the secret it signs webhooks with, at least 32 bytes; the platform's {@link
 *     PaymentsSettings#webhookSecret()} must be the same
 * @param confirmDelay how long after a payment starts its result is sent, zero or more
 * @param chargebackDelay how long after a {@link SandboxCard#CHARGEBACK} deposit succeeds its
 *     chargeback is sent, zero or more
 * @param firstRetryDelay how long after an unacknowledged delivery the first redelivery is sent;
 *     each later one waits twice as long, up to {@code maxRetryDelay}
 * @param maxRetryDelay the longest wait between redeliveries
 * @param maxAttempts how many times one event is delivered before the sandbox gives up, 1 to 100
 */
public record SandboxSettings(
    String webhookSecret,
    Duration confirmDelay,
    Duration chargebackDelay,
    Duration firstRetryDelay,
    Duration maxRetryDelay,
    int maxAttempts) {

  /** Validates the settings, naming the setting, its value and what is allowed. */
  public SandboxSettings {
    PaymentsSettings.checkSecret("sandbox webhookSecret", webhookSecret);
    notNegative("confirmDelay", confirmDelay);
    notNegative("chargebackDelay", chargebackDelay);
    notNegative("firstRetryDelay", firstRetryDelay);
    notNegative("maxRetryDelay", maxRetryDelay);
    if (firstRetryDelay.isZero() || maxRetryDelay.compareTo(firstRetryDelay) < 0) {
      throw new IllegalArgumentException(
          "sandbox firstRetryDelay must be positive and at most maxRetryDelay "
              + maxRetryDelay
              + " (was "
              + firstRetryDelay
              + ")");
    }
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new IllegalArgumentException(
          "sandbox maxAttempts must be 1 to 100 (was " + maxAttempts + ")");
    }
  }

  /**
   * Returns settings with {@code webhookSecret}: results after 2 s, chargebacks 30 s later,
   * redeliveries from 1 s doubling to 5 min, 12 attempts.
   */
  public static SandboxSettings defaults(String webhookSecret) {
    return new SandboxSettings(
        webhookSecret,
        Duration.ofSeconds(2),
        Duration.ofSeconds(30),
        Duration.ofSeconds(1),
        Duration.ofMinutes(5),
        12);
  }

  /** Returns how long to wait before delivery attempt {@code attempt} (2 or more). */
  Duration retryDelay(int attempt) {
    Duration delay = firstRetryDelay;
    for (int i = 2; i < attempt && delay.compareTo(maxRetryDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
  }

  /** Keeps the secret out of logs. */
  @Override
  public String toString() {
    return "SandboxSettings[webhookSecret=<"
        + webhookSecret.getBytes(StandardCharsets.UTF_8).length
        + " bytes>, confirmDelay="
        + confirmDelay
        + ", chargebackDelay="
        + chargebackDelay
        + ", firstRetryDelay="
        + firstRetryDelay
        + ", maxRetryDelay="
        + maxRetryDelay
        + ", maxAttempts="
        + maxAttempts
        + "]";
  }

  private static void notNegative(String name, Duration value) {
    Objects.requireNonNull(value, "sandbox " + name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(
          "sandbox " + name + " must be zero or positive (was " + value + ")");
    }
  }
}
