-- Fraud signals and the audit log.
--
-- Sightings: which device and which network address each account used when it registered, signed
-- in or deposited. Both are opaque keyed fingerprints made by the gateway (an HMAC of the device id
-- and of the IP address), so this table never holds an address itself; equal fingerprints mean the
-- same device or address. A player's sightings are deleted when they erase their account.
CREATE TABLE sightings (
  id          BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject     TEXT        NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 64),
  event       TEXT        NOT NULL CHECK (event IN ('registration', 'login', 'deposit')),
  device_ref  TEXT        CHECK (char_length(device_ref) BETWEEN 1 AND 128),
  address_ref TEXT        CHECK (char_length(address_ref) BETWEEN 1 AND 128),
  seen_at     TIMESTAMPTZ NOT NULL,
  CHECK (device_ref IS NOT NULL OR address_ref IS NOT NULL)
);
CREATE INDEX sightings_by_device ON sightings (device_ref, seen_at) WHERE device_ref IS NOT NULL;
CREATE INDEX sightings_by_address ON sightings (address_ref, seen_at) WHERE address_ref IS NOT NULL;
CREATE INDEX sightings_by_subject ON sightings (subject, seen_at);

-- A raised fraud flag with the evidence that raised it. One flag per rule, subject and occasion
-- (dedupe_key: the time window of a velocity rule, the shared device or address, the chargeback),
-- so a rule that keeps matching does not flood the operators.
CREATE TABLE fraud_flags (
  id         BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rule       TEXT        NOT NULL CHECK (rule IN ('deposit_velocity', 'bet_velocity', 'shared_device',
                                                  'shared_address', 'chargeback_history')),
  subject    TEXT        NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 64),
  dedupe_key TEXT        NOT NULL CHECK (char_length(dedupe_key) BETWEEN 1 AND 160),
  evidence   JSONB       NOT NULL CHECK (jsonb_typeof(evidence) = 'object'),
  raised_at  TIMESTAMPTZ NOT NULL,
  CONSTRAINT one_flag_per_occasion UNIQUE (rule, subject, dedupe_key)
);
CREATE INDEX fraud_flags_by_subject ON fraud_flags (subject, id);
CREATE INDEX payment_intents_by_wallet_time ON payment_intents (wallet_account_id, created_at);

-- The audit log: every money movement and every operator or admin action, append-only. Nothing
-- may update, delete or truncate it; the database refuses, whatever the code does.
CREATE TABLE audit_log (
  id          BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  actor       TEXT        NOT NULL CHECK (char_length(actor) BETWEEN 1 AND 128),
  action      TEXT        NOT NULL CHECK (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
  subject     TEXT        NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 128),
  details     JSONB       NOT NULL CHECK (jsonb_typeof(details) = 'object')
);
CREATE INDEX audit_log_by_subject ON audit_log (subject, id);

CREATE FUNCTION refuse_rewriting_audit() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$
BEGIN
  RAISE EXCEPTION 'ledger.audit_log is append-only: % refused', TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER audit_log_is_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_audit();
CREATE TRIGGER audit_log_is_never_truncated BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_audit();

-- Money movements reach the audit log from the database itself, one statement per batch the
-- ledger writes (transition tables), so no code path can move money without an audit row.
CREATE FUNCTION audit_transfers() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$
BEGIN
  INSERT INTO audit_log (at, actor, action, subject, details)
  SELECT t.created_at, 'ledger', 'money.transfer', 'account:' || t.credit_account_id,
         jsonb_build_object('transferId', t.id, 'kind', t.kind, 'debitAccountId', t.debit_account_id,
                            'creditAccountId', t.credit_account_id, 'amount', t.amount,
                            'currency', t.currency, 'holdId', t.hold_id)
    FROM inserted t;
  RETURN NULL;
END
$$;
CREATE TRIGGER transfers_are_audited AFTER INSERT ON transfers
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION audit_transfers();

CREATE FUNCTION audit_holds() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT AS $$
BEGIN
  INSERT INTO audit_log (at, actor, action, subject, details)
  SELECT now(), 'ledger', 'money.hold_' || h.state, 'account:' || h.debit_account_id,
         jsonb_build_object('holdId', h.id, 'kind', h.kind, 'debitAccountId', h.debit_account_id,
                            'creditAccountId', h.credit_account_id, 'amount', h.amount,
                            'currency', h.currency)
    FROM changed h;
  RETURN NULL;
END
$$;
CREATE TRIGGER holds_placed_are_audited AFTER INSERT ON holds
  REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION audit_holds();
CREATE TRIGGER holds_resolved_are_audited AFTER UPDATE ON holds
  REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION audit_holds();
