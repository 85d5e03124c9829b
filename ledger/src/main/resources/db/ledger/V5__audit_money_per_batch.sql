-- Money movements reach the audit log per batch, not per row.
--
-- V4 copied every transfer and every hold change into an audit row of its own (its own JSON, its
-- own index entries), which doubled the database's work per transfer: in back-to-back runs of
-- `./slipstream bench ledger` the ledger sustained 18.7k transfers/s without those triggers and
-- 13.6k with them (docs/BENCHMARKS.md). The facts themselves are already kept for good: transfers
-- can never be changed or deleted (V1) and a hold is resolved once and never deleted. What the
-- audit log adds is the database's own record, written in the same transaction, of which
-- transfers and hold changes each statement made. So each statement now writes one audit row per
-- currency (per state and currency for holds) naming every id it wrote, with their count and
-- total: the same guarantee (no code path moves money without an audit row; no audit row can be
-- changed) for about 1/250 of the rows. The log's reader expands these rows back into one line per
-- transfer or hold change of an account (PostgresAuditLog.about), so operators and data exports
-- see what they saw before. Rows V4 wrote stay as they are.
CREATE OR REPLACE FUNCTION audit_transfers() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$
BEGIN
  INSERT INTO audit_log (at, actor, action, subject, details)
  SELECT min(t.created_at), 'ledger', 'money.transfers', 'ledger:' || t.currency,
         jsonb_build_object('count', count(*), 'amount', sum(t.amount), 'currency', t.currency,
                            'firstId', min(t.id), 'lastId', max(t.id),
                            'ids', jsonb_agg(t.id ORDER BY t.id))
    FROM inserted t
   GROUP BY t.currency;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION audit_holds() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$
BEGIN
  INSERT INTO audit_log (at, actor, action, subject, details)
  SELECT now(), 'ledger', 'money.holds_' || h.state, 'ledger:' || h.currency,
         jsonb_build_object('count', count(*), 'amount', sum(h.amount), 'currency', h.currency,
                            'firstId', min(h.id), 'lastId', max(h.id),
                            'ids', jsonb_agg(h.id ORDER BY h.id))
    FROM changed h
   GROUP BY h.state, h.currency;
  RETURN NULL;
END
$$;

-- Finds the batch row that names a transfer or hold: the first of its kind whose last id is at or
-- after it (batches of concurrent writers interleave a little; the id list decides).
CREATE INDEX audit_log_money_batches ON audit_log (action, ((details ->> 'lastId')::bigint))
  WHERE actor = 'ledger';
