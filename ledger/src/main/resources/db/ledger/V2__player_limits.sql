-- Responsible gambling: a player's own limits on deposits, losses and stakes over a day, a week
-- and 30 days, and their time-outs and self-exclusions. Lowering a limit (or setting a first one)
-- takes effect at once; raising or removing one only after a 24-hour cooling-off, kept as a
-- pending value until then. Exclusions cannot be shortened.

CREATE TABLE player_limits (
  wallet_account_id BIGINT      NOT NULL,
  kind              TEXT        NOT NULL CHECK (kind IN ('deposit', 'loss', 'stake')),
  period            TEXT        NOT NULL CHECK (period IN ('day', 'week', 'month')),
  amount            BIGINT      CHECK (amount > 0),
  pending_amount    BIGINT      CHECK (pending_amount > 0),
  pending_removal   BOOLEAN     NOT NULL DEFAULT FALSE,
  pending_from      TIMESTAMPTZ,
  updated_at        TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (wallet_account_id, kind, period),
  CHECK ((pending_amount IS NULL AND NOT pending_removal) = (pending_from IS NULL)),
  CHECK (NOT (pending_removal AND pending_amount IS NOT NULL))
);

CREATE TABLE exclusions (
  wallet_account_id BIGINT      PRIMARY KEY,
  kind              TEXT        NOT NULL CHECK (kind IN ('time_out', 'self_exclusion')),
  until             TIMESTAMPTZ,
  created_at        TIMESTAMPTZ NOT NULL,
  CHECK (kind = 'self_exclusion' OR until IS NOT NULL)
);

-- What the limits count: a wallet's stake holds and its deposits and payouts over time.
CREATE INDEX holds_by_debit_kind_time ON holds (debit_account_id, kind, created_at);
CREATE INDEX transfers_by_credit_kind_time ON transfers (credit_account_id, kind, created_at);
