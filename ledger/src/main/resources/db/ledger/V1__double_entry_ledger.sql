-- The double-entry ledger. Money is integer minor units (BIGINT). Every transfer moves an amount
-- from one debit account to one credit account of the same currency, so a transfer is its own
-- pair of postings: an account's balance is the sum of its credits less the sum of its debits,
-- and the balances of one currency always sum to zero (system accounts such as the house and
-- the payment clearing account go negative as money enters the platform).
--
-- The invariants that keep money safe are enforced here, not only in code: no account except a
-- system account may have a negative balance or spend held money; a transfer's accounts must
-- hold its currency; transfers can never be changed or deleted; a hold can only be resolved once.

CREATE TABLE accounts (
  id               BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind             TEXT        NOT NULL
                   CHECK (kind IN ('player_wallet', 'bet_escrow', 'house', 'payment_clearing', 'fees')),
  owner_ref        TEXT        NOT NULL CHECK (char_length(owner_ref) BETWEEN 1 AND 128),
  currency         TEXT        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  balance          BIGINT      NOT NULL DEFAULT 0,
  held             BIGINT      NOT NULL DEFAULT 0,
  allow_negative   BOOLEAN     NOT NULL DEFAULT FALSE,
  version          BIGINT      NOT NULL DEFAULT 0 CHECK (version >= 0),
  last_transfer_id BIGINT,
  created_at       TIMESTAMPTZ NOT NULL,
  CONSTRAINT one_account_per_owner_kind_currency UNIQUE (kind, owner_ref, currency),
  CONSTRAINT held_not_negative CHECK (held >= 0),
  CONSTRAINT balance_not_negative CHECK (allow_negative OR balance >= 0),
  CONSTRAINT available_not_negative CHECK (allow_negative OR balance - held >= 0),
  CONSTRAINT only_system_accounts_go_negative
    CHECK (NOT allow_negative OR kind IN ('house', 'payment_clearing'))
) WITH (fillfactor = 50);  -- room on each page, so balance updates stay HOT (no index writes)

-- Money reserved on a debit account (a bet's stake, a pending withdrawal) until it is posted to
-- the credit account (in full or in part), voided, or expired after its timeout.
CREATE TABLE holds (
  id                BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  idempotency_id    UUID        NOT NULL,
  debit_account_id  BIGINT      NOT NULL,
  credit_account_id BIGINT      NOT NULL,
  amount            BIGINT      NOT NULL CHECK (amount > 0),
  currency          TEXT        NOT NULL,
  kind              TEXT        NOT NULL CHECK (kind ~ '^[a-z_]{1,32}$'),
  state             TEXT        NOT NULL CHECK (state IN ('pending', 'posted', 'voided', 'expired')),
  posted_amount     BIGINT      NOT NULL DEFAULT 0,
  expires_at        TIMESTAMPTZ NOT NULL,
  created_at        TIMESTAMPTZ NOT NULL,
  resolved_at       TIMESTAMPTZ,
  metadata          TEXT        CHECK (char_length(metadata) <= 512),
  CONSTRAINT hold_idempotency_id UNIQUE (idempotency_id),
  CONSTRAINT hold_between_two_accounts CHECK (debit_account_id <> credit_account_id),
  CONSTRAINT posted_within_hold CHECK (posted_amount BETWEEN 0 AND amount),
  CONSTRAINT only_posted_has_posted_amount CHECK ((state = 'posted') = (posted_amount > 0)),
  CONSTRAINT resolved_when_not_pending CHECK ((state = 'pending') = (resolved_at IS NULL))
);
CREATE INDEX holds_pending_by_expiry ON holds (expires_at) WHERE state = 'pending';
CREATE INDEX holds_pending_by_account ON holds (debit_account_id, id) WHERE state = 'pending';

CREATE TABLE transfers (
  id                BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  idempotency_id    UUID        NOT NULL,
  debit_account_id  BIGINT      NOT NULL,
  credit_account_id BIGINT      NOT NULL,
  amount            BIGINT      NOT NULL CHECK (amount > 0),
  currency          TEXT        NOT NULL,
  kind              TEXT        NOT NULL CHECK (kind ~ '^[a-z_]{1,32}$'),
  hold_id           BIGINT      REFERENCES holds (id),
  metadata          TEXT        CHECK (char_length(metadata) <= 512),
  created_at        TIMESTAMPTZ NOT NULL,
  CONSTRAINT transfer_idempotency_id UNIQUE (idempotency_id),
  CONSTRAINT transfer_between_two_accounts CHECK (debit_account_id <> credit_account_id)
);
CREATE UNIQUE INDEX one_posting_per_hold ON transfers (hold_id) WHERE hold_id IS NOT NULL;
-- an account's history, newest first, by keyset on id
CREATE INDEX transfers_by_debit_account ON transfers (debit_account_id, id);
CREATE INDEX transfers_by_credit_account ON transfers (credit_account_id, id);

-- A transfer or hold must name two existing accounts of its own currency. A foreign key would
-- check that with two lookups per row; this statement trigger checks a whole batch in one join
-- over the inserted rows (accounts are never deleted and never change id or currency, see below,
-- so what it saw stays true).
CREATE FUNCTION check_accounts_and_currency() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT
  -- index lookups per inserted row, never a scan of every account
  SET enable_hashjoin = off SET enable_mergejoin = off SET enable_seqscan = off AS $$
DECLARE
  bad RECORD;
BEGIN
  SELECT i.debit_account_id, i.credit_account_id, i.currency INTO bad FROM inserted i
    LEFT JOIN accounts d ON d.id = i.debit_account_id
    LEFT JOIN accounts c ON c.id = i.credit_account_id
   WHERE d.currency IS DISTINCT FROM i.currency OR c.currency IS DISTINCT FROM i.currency
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger.%: accounts % and % must both exist and hold %', TG_TABLE_NAME,
      bad.debit_account_id, bad.credit_account_id, bad.currency
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER transfers_name_accounts_of_their_currency AFTER INSERT ON transfers
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION check_accounts_and_currency();
CREATE TRIGGER holds_name_accounts_of_their_currency AFTER INSERT ON holds
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION check_accounts_and_currency();

CREATE FUNCTION refuse_rewriting_history() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$
BEGIN
  RAISE EXCEPTION 'ledger.% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER transfers_are_append_only BEFORE UPDATE OR DELETE ON transfers
  FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_history();
CREATE TRIGGER transfers_are_never_truncated BEFORE TRUNCATE ON transfers
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();

-- Accounts stay: they are never deleted and never change identity.
CREATE FUNCTION refuse_changing_account_identity() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'DELETE' OR (NEW.id, NEW.kind, NEW.owner_ref, NEW.currency, NEW.allow_negative)
      IS DISTINCT FROM (OLD.id, OLD.kind, OLD.owner_ref, OLD.currency, OLD.allow_negative) THEN
    RAISE EXCEPTION 'ledger.accounts: account % cannot be deleted or change identity', OLD.id
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END
$$;

-- Only fires for statements that set these columns, so balance updates pay nothing for it.
CREATE TRIGGER accounts_keep_identity
  BEFORE UPDATE OF id, kind, owner_ref, currency, allow_negative ON accounts
  FOR EACH ROW EXECUTE FUNCTION refuse_changing_account_identity();
CREATE TRIGGER accounts_are_never_deleted BEFORE DELETE ON accounts
  FOR EACH ROW EXECUTE FUNCTION refuse_changing_account_identity();
CREATE TRIGGER accounts_are_never_truncated BEFORE TRUNCATE ON accounts
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();

-- A hold changes once: from pending to posted, voided or expired, touching nothing but its
-- outcome columns.
CREATE FUNCTION resolve_hold_once() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$
BEGIN
  IF OLD.state <> 'pending' OR NEW.state = 'pending'
     OR (NEW.id, NEW.idempotency_id, NEW.debit_account_id, NEW.credit_account_id, NEW.amount,
         NEW.currency, NEW.kind, NEW.expires_at, NEW.created_at, NEW.metadata)
        IS DISTINCT FROM
        (OLD.id, OLD.idempotency_id, OLD.debit_account_id, OLD.credit_account_id, OLD.amount,
         OLD.currency, OLD.kind, OLD.expires_at, OLD.created_at, OLD.metadata) THEN
    RAISE EXCEPTION 'ledger.holds: hold % can only move once from pending to a final state', OLD.id
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER holds_resolve_once BEFORE UPDATE ON holds
  FOR EACH ROW EXECUTE FUNCTION resolve_hold_once();
CREATE TRIGGER holds_are_never_deleted BEFORE DELETE ON holds
  FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_history();
CREATE TRIGGER holds_are_never_truncated BEFORE TRUNCATE ON holds
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_history();
