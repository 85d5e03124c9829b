package dev.slipstream.ledger.payments;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Finishes deposits that a crash left half-done. A confirmed deposit is credited in the ledger
 * first and marked succeeded after, in a second transaction; a process killed between the two
 * leaves the wallet credited and the deposit pending (or, after the sweep, failed with reason
 * {@code timeout}). The ledger's transfer carries the id {@link LedgerIds#depositCredit} derives
 * from the payment, so whether the credit happened can be read back exactly: every such deposit is
 * marked succeeded with the transfer that credited it, and nothing is moved twice.
 */
final class CreditedDeposits {
  private static final int PAGE = 500;

  private final Sql sql;
  private final InstantSource clock;

  CreditedDeposits(Sql sql, InstantSource clock) {
    this.sql = sql;
    this.clock = clock;
  }

  /** Marks succeeded every unfinished deposit the ledger has credited; returns how many. */
  int finish() {
    int finished = 0;
    long after = 0;
    while (true) {
      Map<UUID, Long> page = unfinishedAfter(after);
      if (page.isEmpty()) {
        return finished;
      }
      after = page.values().stream().mapToLong(Long::longValue).max().orElseThrow();
      finished += markCredited(page);
    }
  }

  /** Up to {@link #PAGE} unfinished deposits with a provider payment, by credit id. */
  private Map<UUID, Long> unfinishedAfter(long afterId) {
    return sql.read(
        c -> {
          Map<UUID, Long> found = new HashMap<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT id, provider_payment_id FROM ledger.payment_intents WHERE id > ? AND"
                      + " provider_payment_id IS NOT NULL AND (state = 'pending' OR (state ="
                      + " 'failed' AND failure_reason = 'timeout')) ORDER BY id LIMIT ?")) {
            s.setLong(1, afterId);
            s.setInt(2, PAGE);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                found.put(LedgerIds.depositCredit(rs.getString(2)), rs.getLong(1));
              }
            }
          }
          return found;
        });
  }

  private int markCredited(Map<UUID, Long> intentsByCreditId) {
    return sql.inTransaction(
        c -> {
          int marked = 0;
          Array ids = c.createArrayOf("uuid", intentsByCreditId.keySet().toArray());
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT idempotency_id, id FROM ledger.transfers WHERE idempotency_id ="
                      + " ANY(?)")) {
            s.setArray(1, ids);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                long intentId = intentsByCreditId.get(rs.getObject(1, UUID.class));
                if (IntentStore.succeed(c, intentId, rs.getLong(2), clock.instant())) {
                  marked++;
                }
              }
            }
          }
          return marked;
        });
  }
}
