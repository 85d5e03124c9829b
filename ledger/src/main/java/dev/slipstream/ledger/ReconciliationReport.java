package dev.slipstream.ledger;

import java.time.Instant;
import java.util.List;

/**
 * The result of one reconciliation run, taken from one consistent snapshot of the ledger.
 *
 * @param checkedAt when the run started
 * @param accounts accounts checked
 * @param transfers transfers summed
 * @param openHolds pending holds checked
 * @param discrepancies everything that did not add up; empty when the books balance
 */
public record ReconciliationReport(
    Instant checkedAt,
    long accounts,
    long transfers,
    long openHolds,
    List<Discrepancy> discrepancies) {

  /** Copies the list. */
  public ReconciliationReport {
    discrepancies = List.copyOf(discrepancies);
  }

  /** Returns whether the books balance. */
  public boolean clean() {
    return discrepancies.isEmpty();
  }
}
