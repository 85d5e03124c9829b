package dev.slipstream.ledger;

import dev.slipstream.ledger.spi.HoldBacking;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Proves the ledger adds up: every currency's balances sum to zero, every account's balance equals
 * the sum of its transfers, every account's held amount equals the sum of its pending holds, every
 * posted hold has exactly the one transfer that moved its posted amount, and every pending hold is
 * owned by an accepted bet. A run that finds a difference logs an alert and counts it in {@code
 * ledger.reconciliation.discrepancies}.
 */
public interface Reconciliation {

  /** Checks the whole ledger from one snapshot and returns what it found. */
  ReconciliationReport run();

  /**
   * Returns the reconciliation of the ledger in {@code dataSource}'s {@code ledger} schema, asking
   * {@code holdBacking} about open holds and reporting to {@code metrics} when given.
   */
  static Reconciliation postgres(
      DataSource dataSource,
      InstantSource clock,
      HoldBacking holdBacking,
      @Nullable MeterRegistry metrics) {
    return new PostgresReconciliation(dataSource, clock, holdBacking, metrics);
  }
}
