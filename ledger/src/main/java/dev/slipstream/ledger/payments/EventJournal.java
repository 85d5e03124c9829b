package dev.slipstream.ledger.payments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The {@code webhook_events} table: every event id applied or ignored, for replay protection. */
final class EventJournal {
  private final Sql sql;

  EventJournal(Sql sql) {
    this.sql = sql;
  }

  boolean seen(String eventId) {
    return sql.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("SELECT 1 FROM ledger.webhook_events WHERE event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  /**
   * Records the event in the caller's transaction; false when its id is recorded already (a
   * concurrent delivery of the same event waits here until the first one commits or rolls back).
   */
  static boolean record(Connection c, WebhookEvent event, boolean applied, Instant now)
      throws SQLException {
    return Sql.update(
            c,
            "INSERT INTO ledger.webhook_events (event_id, type, provider_payment_id,"
                + " disposition, received_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (event_id) DO NOTHING",
            s -> {
              s.setString(1, event.id());
              s.setString(2, event.rawType());
              s.setString(3, event.paymentId());
              s.setString(4, applied ? "applied" : "ignored");
              s.setObject(5, Sql.timestamp(now));
            })
        == 1;
  }

  /** Records an event that needs nothing done; false when its id was recorded already. */
  boolean recordIgnored(WebhookEvent event, Instant now) {
    return sql.inTransaction(c -> record(c, event, false, now));
  }
}
