package dev.slipstream.ledger.audit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit lines about one ledger account ({@code account:<id>}): the lines written about it, and
 * one line per transfer credited to it and per hold placed or resolved on it, each expanded from
 * the per-batch audit row the database wrote for it (V5) and carrying that row's id and time. A
 * transfer or hold the audit log does not name gets no line, so a gap shows. Each draw from one of
 * its bet floats gets a line too.
 */
final class AccountAuditLines {
  private static final Pattern ACCOUNT = Pattern.compile("account:([1-9][0-9]{0,18})");

  /** The batch row naming transfer or hold {@code item}, of the actions in {@code actions}. */
  private static String batchRow(String item, String actions) {
    return "SELECT a.id, a.at, a.action FROM ledger.audit_log a"
        + " WHERE a.actor = 'ledger' AND a.action IN ("
        + actions
        + ") AND (a.details ->> 'lastId')::bigint >= "
        + item
        + " AND a.details -> 'ids' @> to_jsonb("
        + item
        + ") ORDER BY (a.details ->> 'lastId')::bigint LIMIT 1";
  }

  private static String holdLine(String actions) {
    return " SELECT b.id, b.at, 'ledger', 'money.hold_' || substr(b.action, 13), ?,"
        + " jsonb_build_object('holdId', h.id, 'kind', h.kind, 'debitAccountId',"
        + " h.debit_account_id, 'creditAccountId', h.credit_account_id, 'amount', h.amount,"
        + " 'currency', h.currency)::text, 2, h.id"
        + " FROM ledger.holds h CROSS JOIN LATERAL ("
        + batchRow("h.id", actions)
        + ") b WHERE h.debit_account_id = ?";
  }

  /**
   * One line per draw from each of the account's bet floats (V7): a float is named by every batch
   * of draws it gave to, with what it gave at the same place in the row's {@code drawn} list.
   */
  private static final String FLOAT_DRAW_LINES =
      " SELECT a.id, a.at, 'ledger', 'money.float_draw', ?,"
          + " jsonb_build_object('holdId', f.id, 'kind', f.kind, 'debitAccountId',"
          + " f.debit_account_id, 'creditAccountId', f.credit_account_id, 'amount',"
          + " (a.details -> 'drawn' ->> (p.ord - 1)::int)::bigint, 'currency', f.currency)::text,"
          + " 3, f.id FROM ledger.holds f JOIN ledger.audit_log a ON a.actor = 'ledger'"
          + " AND a.action = 'money.float_draws' AND (a.details ->> 'lastId')::bigint >= f.id"
          + " AND a.details -> 'ids' @> to_jsonb(f.id)"
          + " CROSS JOIN LATERAL (SELECT e.ord FROM jsonb_array_elements(a.details -> 'ids')"
          + " WITH ORDINALITY AS e(v, ord) WHERE e.v::bigint = f.id) p"
          + " WHERE f.debit_account_id = ? AND f.kind = 'bet_float'";

  /**
   * Lines about the account, oldest first; parameters: subject, subject, account id, subject,
   * account id, subject, account id, subject, account id, limit.
   */
  static final String SQL =
      "SELECT id, at, actor, action, subject, details FROM ("
          + " SELECT a.id, a.at, a.actor, a.action, a.subject, a.details::text AS details,"
          + " 0 AS part, 0::bigint AS item FROM ledger.audit_log a WHERE a.subject = ?"
          + " UNION ALL"
          + " SELECT b.id, b.at, 'ledger', 'money.transfer', ?,"
          + " jsonb_build_object('transferId', t.id, 'kind', t.kind, 'debitAccountId',"
          + " t.debit_account_id, 'creditAccountId', t.credit_account_id, 'amount', t.amount,"
          + " 'currency', t.currency, 'holdId', t.hold_id)::text, 1, t.id"
          + " FROM ledger.transfers t CROSS JOIN LATERAL ("
          + batchRow("t.id", "'money.transfers'")
          + ") b WHERE t.credit_account_id = ?"
          + " UNION ALL"
          + holdLine("'money.holds_pending'")
          + " UNION ALL"
          + holdLine("'money.holds_posted', 'money.holds_voided', 'money.holds_expired'")
          + " UNION ALL"
          + FLOAT_DRAW_LINES
          + ") lines ORDER BY id, part, item LIMIT ?";

  private AccountAuditLines() {}

  /** Returns the account id when {@code subject} names a ledger account. */
  static Optional<Long> account(String subject) {
    Matcher m = ACCOUNT.matcher(subject);
    return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
  }
}
