package dev.slipstream.ledger;

import java.time.Duration;
import java.util.Objects;

/**
 * How the ledger's writer and hold sweeper run.
 *
 * @param maxBatchSize the most requests committed in one transaction, 1 to 10,000
 * @param queueCapacity the most requests waiting for the writer before callers wait, at least
 *     {@code maxBatchSize}
 * @param sweepInterval how often pending holds past their timeout are expired; zero turns the
 *     sweeper off (call {@link Ledger#expireDueHolds()} yourself)
 */
public record LedgerSettings(int maxBatchSize, int queueCapacity, Duration sweepInterval) {

  /** Validates the settings, naming the setting, its value and what is allowed. */
  public LedgerSettings {
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    if (maxBatchSize < 1 || maxBatchSize > 10_000) {
      throw new IllegalArgumentException(
          "ledger maxBatchSize must be 1 to 10000 (was " + maxBatchSize + ")");
    }
    if (queueCapacity < maxBatchSize) {
      throw new IllegalArgumentException(
          "ledger queueCapacity must be at least maxBatchSize "
              + maxBatchSize
              + " (was "
              + queueCapacity
              + ")");
    }
    if (sweepInterval.isNegative()) {
      throw new IllegalArgumentException(
          "ledger sweepInterval must be zero (off) or positive (was " + sweepInterval + ")");
    }
  }

  /** Returns the defaults: batches of up to 1,000, 50,000 queued, holds swept every second. */
  public static LedgerSettings defaults() {
    return new LedgerSettings(1_000, 50_000, Duration.ofSeconds(1));
  }

  /** Returns these settings with the sweeper turned off. */
  public LedgerSettings withoutSweeper() {
    return new LedgerSettings(maxBatchSize, queueCapacity, Duration.ZERO);
  }
}
