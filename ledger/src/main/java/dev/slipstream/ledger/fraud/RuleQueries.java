package dev.slipstream.ledger.fraud;

/**
 * The rules as SQL: each inserts the flags its rule raises (nothing already raised for the same
 * occasion) and returns them. Parameters: raised-at, then the rule's own, then the subject filter
 * twice ({@code NULL} for everyone).
 */
final class RuleQueries {
  private RuleQueries() {}

  static final String RETURNING =
      " ON CONFLICT ON CONSTRAINT one_flag_per_occasion DO NOTHING"
          + " RETURNING id, rule, subject, evidence::text AS evidence, raised_at";

  /** Params: dedupe key, limit, raised_at, since, now, subject, subject, limit. */
  static final String DEPOSIT_VELOCITY =
      "INSERT INTO fraud_flags (rule, subject, dedupe_key, evidence, raised_at)"
          + " SELECT 'deposit_velocity', a.owner_ref, ?,"
          + "   jsonb_build_object('window', 'PT1H', 'limit', ?::int, 'count', count(*),"
          + "     'deposits', jsonb_agg(jsonb_build_object('depositId', p.id, 'amount', p.amount,"
          + "       'currency', p.currency, 'state', p.state, 'createdAt', p.created_at)"
          + "       ORDER BY p.id)), ?"
          + " FROM payment_intents p JOIN accounts a ON a.id = p.wallet_account_id"
          + " WHERE p.created_at > ? AND p.created_at <= ?"
          + "   AND (?::text IS NULL OR a.owner_ref = ?)"
          + " GROUP BY a.owner_ref HAVING count(*) > ?"
          + RETURNING;

  /** Params: dedupe key, limit, raised_at, since, now, subject, subject, limit. */
  static final String BET_VELOCITY =
      "INSERT INTO fraud_flags (rule, subject, dedupe_key, evidence, raised_at)"
          + " SELECT 'bet_velocity', a.owner_ref, ?,"
          + "   jsonb_build_object('window', 'PT1M', 'limit', ?::int, 'count', count(*),"
          + "     'staked', sum(h.amount), 'currency', min(h.currency),"
          + "     'firstHoldId', min(h.id), 'lastHoldId', max(h.id)), ?"
          + " FROM holds h JOIN accounts a ON a.id = h.debit_account_id"
          + " WHERE h.kind = 'stake' AND a.kind = 'player_wallet'"
          + "   AND h.created_at > ? AND h.created_at <= ?"
          + "   AND (?::text IS NULL OR a.owner_ref = ?)"
          + " GROUP BY a.owner_ref HAVING count(*) > ?"
          + RETURNING;

  /**
   * Shared device or address; {@code column} is {@code device_ref} or {@code address_ref}. Params:
   * since, limit, limit, raised_at.
   */
  static String shared(String rule, String column, String prefix, String jsonName) {
    return "WITH shared AS ("
        + "  SELECT "
        + column
        + " AS ref, array_agg(DISTINCT subject ORDER BY subject) AS subjects"
        + "  FROM sightings WHERE "
        + column
        + " IS NOT NULL AND seen_at > ?"
        + "  GROUP BY "
        + column
        + " HAVING count(DISTINCT subject) >= ?)"
        + " INSERT INTO fraud_flags (rule, subject, dedupe_key, evidence, raised_at)"
        + " SELECT '"
        + rule
        + "', s.subject, '"
        + prefix
        + "' || shared.ref,"
        + "   jsonb_build_object('"
        + jsonName
        + "', shared.ref, 'accounts', to_jsonb(shared.subjects),"
        + "     'count', cardinality(shared.subjects), 'limit', ?::int), ?"
        + " FROM shared, unnest(shared.subjects) AS s(subject)"
        + RETURNING;
  }

  /** Params: raised_at, subject, subject. */
  static final String CHARGEBACK_HISTORY =
      "INSERT INTO fraud_flags (rule, subject, dedupe_key, evidence, raised_at)"
          + " SELECT 'chargeback_history', a.owner_ref, 'chargeback:' || cb.id,"
          + "   jsonb_build_object('chargebackId', cb.id, 'depositId', cb.intent_id,"
          + "     'amount', cb.amount, 'recovered', cb.recovered, 'held', cb.held,"
          + "     'shortfall', cb.shortfall, 'eventId', cb.event_id,"
          + "     'chargebacksOnWallet', (SELECT count(*) FROM chargebacks c2"
          + "        WHERE c2.wallet_account_id = cb.wallet_account_id)), ?"
          + " FROM chargebacks cb JOIN accounts a ON a.id = cb.wallet_account_id"
          + " WHERE (?::text IS NULL OR a.owner_ref = ?)"
          + RETURNING;
}
