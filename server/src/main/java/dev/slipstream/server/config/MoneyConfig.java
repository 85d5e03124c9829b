package dev.slipstream.server.config;

import dev.slipstream.gateway.privacy.PiiKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The payments and personal-data part of the configuration.
 *
 * @param webhookSecret the payment webhooks' secret; empty generates one per start
 * @param reviewThreshold withdrawals above this many minor units wait for an operator
 * @param depositTimeout how long a deposit may wait for the provider before it is failed
 * @param sandboxConfirmDelay how long the sandbox takes to answer
 * @param piiKeys the personal-data keys; empty uses the built-in demo keys
 */
public record MoneyConfig(
    Optional<String> webhookSecret,
    long reviewThreshold,
    Duration depositTimeout,
    Duration sandboxConfirmDelay,
    Optional<PiiKeys> piiKeys) {

  static MoneyConfig load(Map<Setting, SettingValue> v) {
    SettingValue secret = v.get(Settings.PAYMENTS_WEBHOOK_SECRET);
    if (!secret.value().isEmpty() && secret.value().getBytes(StandardCharsets.UTF_8).length < 32) {
      throw secret.invalid("must be at least 32 bytes");
    }
    SettingValue dataKeys = v.get(Settings.PRIVACY_DATA_KEYS);
    SettingValue indexKey = v.get(Settings.PRIVACY_INDEX_KEY);
    Optional<PiiKeys> keys = Optional.empty();
    if (dataKeys.value().isBlank() != indexKey.value().isBlank()) {
      throw (dataKeys.value().isBlank() ? indexKey : dataKeys)
          .invalid("privacy.data.keys and privacy.index.key must be set together");
    }
    if (!dataKeys.value().isBlank()) {
      List<String> entries = Arrays.stream(dataKeys.value().split(",")).map(String::strip).toList();
      try {
        keys = Optional.of(PiiKeys.parse(entries, indexKey.value()));
      } catch (IllegalArgumentException e) {
        throw dataKeys.invalid(e.getMessage());
      }
    }
    return new MoneyConfig(
        secret.value().isEmpty() ? Optional.empty() : Optional.of(secret.value()),
        SlipstreamConfig.range(v.get(Settings.PAYMENTS_REVIEW_THRESHOLD), 0, 1_000_000_000_000L),
        Duration.ofSeconds(
            SlipstreamConfig.range(v.get(Settings.PAYMENTS_DEPOSIT_TIMEOUT), 60, 86_400)),
        Duration.ofSeconds(
            SlipstreamConfig.range(v.get(Settings.PAYMENTS_SANDBOX_CONFIRM), 0, 300)),
        keys);
  }

  /** Hides the secrets, so the record can be logged. */
  @Override
  public String toString() {
    return "MoneyConfig[webhookSecret="
        + (webhookSecret.isPresent() ? "configured" : "generated")
        + ", reviewThreshold="
        + reviewThreshold
        + ", depositTimeout="
        + depositTimeout
        + ", sandboxConfirmDelay="
        + sandboxConfirmDelay
        + ", piiKeys="
        + piiKeys.map(PiiKeys::toString).orElse("demo")
        + "]";
  }
}
