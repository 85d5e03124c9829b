package dev.slipstream.ledger.audit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit lines about one ledger account ({@code account:<id>}): the lines written about it, and
 * one line per transfer credited to it and per hold placed or resolved on it, each expanded from
 * the per-batch audit row the database wrote for it (V5) and carrying that row's id and time. A
 * transfer or hold the audit log does not name gets no line, so a gap shows.
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
   * Lines about the account, oldest first; parameters: subject, subject, account id, subject,
   * account id, subject, account id, limit.
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
          + ") lines ORDER BY id, part, item LIMIT ?";

  private AccountAuditLines() {}

  /** Returns the account id when {@code subject} names a ledger account. */
  static Optional<Long> account(String subject) {
    Matcher m = ACCOUNT.matcher(subject);
    return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
  }
}
