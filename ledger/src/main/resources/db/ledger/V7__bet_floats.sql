-- Bet floats: money a bet shard reserves on a wallet ahead of the bets it will take, so it can
-- accept a bet from its own journal without a round trip to the ledger (the card-authorisation
-- pattern: the float is the authorisation, each bet a capture against it).
--
-- A float is a pending hold of kind 'bet_float' from the wallet to the house. It lowers the
-- wallet's available money like any hold, so no other writer (a withdrawal, another shard) can
-- spend what the shard may already have promised to a bet. Later, in batches, the shard draws its
-- bets' stakes from it: one statement lowers the float's amount and the same transaction inserts
-- each bet's own stake hold, so the wallet's held total (and balance) never changes on a draw.
-- What is left of a float is voided when the shard gives it back. A float is never posted.
--
-- So that every pending hold still reserves exactly its amount (reconciliation: an account's held
-- equals the sum of its pending holds), a draw changes the float's amount in place: the one
-- change a pending hold may undergo besides its single resolution, only for floats, only
-- downwards, and never below zero. The audit log names every draw (the float, what it gave).

ALTER TABLE holds DROP CONSTRAINT holds_amount_check;
ALTER TABLE holds ADD CONSTRAINT hold_amount_positive
  CHECK (amount > 0 OR (kind = 'bet_float' AND amount = 0));

CREATE OR REPLACE FUNCTION resolve_hold_once() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$
BEGIN
  IF OLD.state = 'pending' AND NEW.state = 'pending' AND OLD.kind = 'bet_float'
     AND NEW.amount < OLD.amount
     AND (NEW.id, NEW.idempotency_id, NEW.debit_account_id, NEW.credit_account_id, NEW.currency,
          NEW.kind, NEW.posted_amount, NEW.expires_at, NEW.created_at, NEW.resolved_at,
          NEW.metadata)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.idempotency_id, OLD.debit_account_id, OLD.credit_account_id, OLD.currency,
          OLD.kind, OLD.posted_amount, OLD.expires_at, OLD.created_at, OLD.resolved_at,
          OLD.metadata) THEN
    RETURN NEW;  -- a draw from a float
  END IF;
  IF OLD.state <> 'pending' OR NEW.state = 'pending'
     OR (NEW.id, NEW.idempotency_id, NEW.debit_account_id, NEW.credit_account_id, NEW.amount,
         NEW.currency, NEW.kind, NEW.expires_at, NEW.created_at, NEW.metadata)
        IS DISTINCT FROM
        (OLD.id, OLD.idempotency_id, OLD.debit_account_id, OLD.credit_account_id, OLD.amount,
         OLD.currency, OLD.kind, OLD.expires_at, OLD.created_at, OLD.metadata) THEN
    RAISE EXCEPTION 'ledger.holds: hold % can only move once from pending to a final state', OLD.id
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.state = 'posted' AND OLD.kind = 'bet_float' THEN
    RAISE EXCEPTION 'ledger.holds: hold % is a bet float: it is drawn into stakes or voided, never posted',
      OLD.id USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END
$$;

-- Resolutions are audited as before (one row per state and currency, V5); draws get rows of
-- their own, naming each float and what it gave, in the same order.
CREATE FUNCTION audit_hold_changes() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$
BEGIN
  INSERT INTO audit_log (at, actor, action, subject, details)
  SELECT now(), 'ledger', 'money.holds_' || h.state, 'ledger:' || h.currency,
         jsonb_build_object('count', count(*), 'amount', sum(h.amount), 'currency', h.currency,
                            'firstId', min(h.id), 'lastId', max(h.id),
                            'ids', jsonb_agg(h.id ORDER BY h.id))
    FROM changed h JOIN before b ON b.id = h.id
   WHERE b.state <> h.state
   GROUP BY h.state, h.currency;
  INSERT INTO audit_log (at, actor, action, subject, details)
  SELECT now(), 'ledger', 'money.float_draws', 'ledger:' || h.currency,
         jsonb_build_object('count', count(*), 'amount', sum(b.amount - h.amount),
                            'currency', h.currency, 'firstId', min(h.id), 'lastId', max(h.id),
                            'ids', jsonb_agg(h.id ORDER BY h.id),
                            'drawn', jsonb_agg(b.amount - h.amount ORDER BY h.id))
    FROM changed h JOIN before b ON b.id = h.id
   WHERE b.state = h.state
   GROUP BY h.currency;
  RETURN NULL;
END
$$;

DROP TRIGGER holds_resolved_are_audited ON holds;
CREATE TRIGGER holds_resolved_are_audited AFTER UPDATE ON holds
  REFERENCING OLD TABLE AS before NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION audit_hold_changes();

-- The check a batch of draws makes on itself inside the database, so that draws, the stakes'
-- holds and the caller's rows go in one round trip: every float named must have been found
-- pending, on the same wallet, house and currency as its stakes, with enough left. Anything else
-- is a shard spending money it never reserved, not a race to retry, and rolls everything back.
CREATE FUNCTION expect_float_draws(drawn BIGINT, expected BIGINT) RETURNS BIGINT
  LANGUAGE plpgsql AS $$
BEGIN
  IF drawn IS DISTINCT FROM expected THEN
    RAISE EXCEPTION 'bet floats: % of % floats could be drawn (a float was not pending, belongs to another wallet, house or currency, or has too little left)',
      drawn, expected USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN drawn;
END
$$;
