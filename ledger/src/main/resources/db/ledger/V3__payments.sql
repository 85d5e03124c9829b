-- Payments: deposits and withdrawals through a payment provider, its webhook events, and the
-- chargebacks it reports. Money itself only ever moves in the ledger's transfers and holds; these
-- tables record why it moved and where each payment stands. The allowed state changes are
-- enforced here, not only in code, so no bug can move a payment backwards.
--
-- Account, transfer and hold ids are not foreign keys: the ledger writes those rows first and
-- never deletes them (its triggers refuse it), and a key here would only add lock traffic to the
-- ledger's hottest tables and change how the ledger's own tables refuse TRUNCATE.

-- A deposit: pending until the provider's signed webhook says it succeeded (the wallet is
-- credited by exactly one transfer) or declined, or the platform gives up waiting (failed with
-- reason 'timeout'); a succeeded deposit is reversed by a chargeback.
CREATE TABLE payment_intents (
  id                  BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  idempotency_key     UUID        NOT NULL,
  wallet_account_id   BIGINT      NOT NULL,
  clearing_account_id BIGINT      NOT NULL,
  amount              BIGINT      NOT NULL CHECK (amount > 0),
  currency            TEXT        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  payment_method      TEXT        NOT NULL CHECK (char_length(payment_method) BETWEEN 1 AND 64),
  provider_payment_id TEXT        CHECK (char_length(provider_payment_id) BETWEEN 1 AND 128),
  state               TEXT        NOT NULL
                      CHECK (state IN ('pending', 'succeeded', 'declined', 'failed', 'reversed')),
  failure_reason      TEXT        CHECK (char_length(failure_reason) <= 64),
  transfer_id         BIGINT,
  created_at          TIMESTAMPTZ NOT NULL,
  updated_at          TIMESTAMPTZ NOT NULL,
  CONSTRAINT intent_idempotency_key UNIQUE (idempotency_key),
  CONSTRAINT intent_provider_payment_id UNIQUE (provider_payment_id),
  CONSTRAINT credited_exactly_when_succeeded
    CHECK ((state IN ('succeeded', 'reversed')) = (transfer_id IS NOT NULL)),
  CONSTRAINT failure_has_reason CHECK ((state IN ('declined', 'failed')) = (failure_reason IS NOT NULL))
);
CREATE INDEX payment_intents_pending_by_age ON payment_intents (created_at) WHERE state = 'pending';
CREATE INDEX payment_intents_by_wallet ON payment_intents (wallet_account_id, id);

-- A withdrawal: requested (recorded; its hold not yet confirmed), in review when large, approved
-- (the payout is started), then paid (the hold posted) or failed; rejected by an operator in
-- review. Every state after 'requested' has the ledger hold that reserves the money.
CREATE TABLE withdrawals (
  id                  BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  idempotency_key     UUID        NOT NULL,
  wallet_account_id   BIGINT      NOT NULL,
  clearing_account_id BIGINT      NOT NULL,
  amount              BIGINT      NOT NULL CHECK (amount > 0),
  currency            TEXT        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  destination         TEXT        NOT NULL CHECK (char_length(destination) BETWEEN 1 AND 64),
  state               TEXT        NOT NULL
                      CHECK (state IN ('requested', 'in_review', 'approved', 'paid', 'rejected', 'failed')),
  hold_id             BIGINT,
  provider_payment_id TEXT        CHECK (char_length(provider_payment_id) BETWEEN 1 AND 128),
  reviewed_by         TEXT        CHECK (char_length(reviewed_by) BETWEEN 1 AND 128),
  failure_reason      TEXT        CHECK (char_length(failure_reason) <= 256),
  created_at          TIMESTAMPTZ NOT NULL,
  updated_at          TIMESTAMPTZ NOT NULL,
  CONSTRAINT withdrawal_idempotency_key UNIQUE (idempotency_key),
  CONSTRAINT withdrawal_provider_payment_id UNIQUE (provider_payment_id),
  CONSTRAINT held_once_requested CHECK (state = 'requested' OR hold_id IS NOT NULL)
);
CREATE INDEX withdrawals_by_wallet ON withdrawals (wallet_account_id, id);
CREATE INDEX withdrawals_by_hold ON withdrawals (hold_id) WHERE hold_id IS NOT NULL;

-- Wallets whose owner passed verification; only they may withdraw.
CREATE TABLE verified_wallets (
  wallet_account_id BIGINT      PRIMARY KEY,
  verified_by       TEXT        NOT NULL CHECK (char_length(verified_by) BETWEEN 1 AND 128),
  verified_at       TIMESTAMPTZ NOT NULL
);

-- Every webhook event applied (or knowingly ignored), so a replayed or redelivered event is
-- recognised and never applied twice.
CREATE TABLE webhook_events (
  event_id            TEXT        PRIMARY KEY CHECK (char_length(event_id) BETWEEN 1 AND 128),
  type                TEXT        NOT NULL,
  provider_payment_id TEXT        NOT NULL,
  disposition         TEXT        NOT NULL CHECK (disposition IN ('applied', 'ignored')),
  received_at         TIMESTAMPTZ NOT NULL
);

-- A chargeback against a succeeded deposit. The recovery is planned before the ledger is asked
-- (so a redelivery repeats the same plan under the same idempotency id) and then applied: the
-- whole amount transferred back to clearing when the wallet has it, otherwise what is available
-- held and the rest recorded as a shortfall.
CREATE TABLE chargebacks (
  id                BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  intent_id         BIGINT      NOT NULL REFERENCES payment_intents (id),
  wallet_account_id BIGINT      NOT NULL,
  event_id          TEXT        NOT NULL,
  amount            BIGINT      NOT NULL CHECK (amount > 0),
  recovered         BIGINT      NOT NULL CHECK (recovered >= 0),
  held              BIGINT      NOT NULL CHECK (held >= 0),
  shortfall         BIGINT      NOT NULL CHECK (shortfall >= 0),
  plan_version      INT         NOT NULL DEFAULT 0,
  state             TEXT        NOT NULL CHECK (state IN ('planned', 'applied')),
  transfer_id       BIGINT,
  hold_id           BIGINT,
  created_at        TIMESTAMPTZ NOT NULL,
  applied_at        TIMESTAMPTZ,
  CONSTRAINT one_chargeback_per_deposit UNIQUE (intent_id),
  CONSTRAINT chargeback_adds_up CHECK (recovered + held + shortfall = amount),
  CONSTRAINT either_recovered_or_held CHECK (recovered = 0 OR held = 0),
  CONSTRAINT applied_has_its_movement CHECK (state = 'planned' OR (
    (recovered = 0 OR transfer_id IS NOT NULL) AND (held = 0 OR hold_id IS NOT NULL)))
);
CREATE INDEX chargebacks_by_wallet ON chargebacks (wallet_account_id, id);
CREATE INDEX chargebacks_by_hold ON chargebacks (hold_id) WHERE hold_id IS NOT NULL;

-- The only state changes a payment may make; anything else is refused by the database.
CREATE FUNCTION move_payment_forward() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$
BEGIN
  IF NEW.state IS DISTINCT FROM OLD.state AND NOT (OLD.state || '>' || NEW.state) = ANY (
      CASE TG_TABLE_NAME
        WHEN 'payment_intents' THEN ARRAY['pending>succeeded', 'pending>declined', 'pending>failed',
                                          'failed>succeeded', 'succeeded>reversed']
        ELSE ARRAY['requested>in_review', 'requested>approved', 'requested>failed',
                   'in_review>approved', 'in_review>rejected', 'in_review>failed',
                   'approved>paid', 'approved>failed']
      END) THEN
    RAISE EXCEPTION 'ledger.%: row % cannot move from % to %', TG_TABLE_NAME, OLD.id, OLD.state,
      NEW.state USING ERRCODE = 'restrict_violation';
  END IF;
  IF (NEW.id, NEW.idempotency_key, NEW.wallet_account_id, NEW.amount, NEW.currency)
      IS DISTINCT FROM (OLD.id, OLD.idempotency_key, OLD.wallet_account_id, OLD.amount, OLD.currency) THEN
    RAISE EXCEPTION 'ledger.%: row % cannot change what was paid', TG_TABLE_NAME, OLD.id
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER payment_intents_move_forward BEFORE UPDATE ON payment_intents
  FOR EACH ROW EXECUTE FUNCTION move_payment_forward();
CREATE TRIGGER withdrawals_move_forward BEFORE UPDATE ON withdrawals
  FOR EACH ROW EXECUTE FUNCTION move_payment_forward();
