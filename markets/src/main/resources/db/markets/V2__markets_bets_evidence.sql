-- Markets and bets as people see them: what each market asks and how it ended, one row per
-- accepted bet, the answers to REST bet requests by idempotency key, the evidence that settled a
-- market, every state change and operator action, and every correction of a settled bet.

CREATE TABLE markets (
  market_id                 text        PRIMARY KEY,
  stream_id                 text        NOT NULL,
  template_kind             text        NOT NULL,
  title                     text        NOT NULL,
  state                     text        NOT NULL
    CHECK (state IN ('OPEN', 'SUSPENDED', 'CLOSED', 'SETTLED', 'VOID')),
  currency                  text        NOT NULL,
  subject_track_id          integer     NOT NULL DEFAULT 0,
  window_start_media_us     bigint      NOT NULL DEFAULT 0,
  window_end_media_us       bigint      NOT NULL DEFAULT 0,
  selection_ids             text[]      NOT NULL,
  selection_names           text[]      NOT NULL,
  odds_bp                   integer[]   NOT NULL,
  probability_ppm           integer[]   NOT NULL,
  closes_at                 timestamptz,
  price_version             bigint      NOT NULL DEFAULT 1,
  reason                    text        NOT NULL DEFAULT 'OPENED',
  detail                    text        NOT NULL DEFAULT '',
  winning_selection_id      text,
  settled_at                timestamptz,
  settlement_reason         text,
  created_at                timestamptz NOT NULL,
  updated_at                timestamptz NOT NULL
);
CREATE INDEX markets_by_stream ON markets (stream_id, state);

CREATE TABLE bets (
  bet_id                    text        PRIMARY KEY,
  user_id                   text        NOT NULL,
  wallet_id                 bigint      NOT NULL,
  market_id                 text        NOT NULL REFERENCES markets,
  selection_id              text        NOT NULL,
  stake_minor               bigint      NOT NULL CHECK (stake_minor > 0),
  currency                  text        NOT NULL,
  odds_bp                   integer     NOT NULL CHECK (odds_bp > 0),
  potential_payout_minor    bigint      NOT NULL,
  price_version             bigint      NOT NULL,
  media_time_us             bigint      NOT NULL,
  state                     text        NOT NULL CHECK (state IN ('OPEN', 'WON', 'LOST', 'VOID')),
  payout_minor              bigint,
  placed_at                 timestamptz NOT NULL,
  settled_at                timestamptz
);
CREATE INDEX bets_by_user ON bets (user_id, placed_at DESC, bet_id DESC);
CREATE INDEX bets_by_market ON bets (market_id);

CREATE TABLE bet_requests (
  user_id                   text        NOT NULL,
  idempotency_key           text        NOT NULL,
  request_hash              text        NOT NULL,
  bet_id                    text,
  reject_code               text,
  reject_detail             text,
  answered                  boolean     NOT NULL DEFAULT false,
  created_at                timestamptz NOT NULL,
  PRIMARY KEY (user_id, idempotency_key)
);

CREATE TABLE evidence (
  market_id                 text        PRIMARY KEY REFERENCES markets,
  winning_selection_id      text,
  decided_at_media_us       bigint      NOT NULL,
  from_media_us             bigint      NOT NULL,
  to_media_us               bigint      NOT NULL,
  measure                   text        NOT NULL,
  threshold                 double precision,
  series_media_us           bigint[]    NOT NULL,
  series_values             double precision[] NOT NULL,
  reason                    text        NOT NULL,
  created_at                timestamptz NOT NULL
);

CREATE TABLE evidence_frames (
  market_id                 text        NOT NULL REFERENCES evidence,
  frame_index               integer     NOT NULL CHECK (frame_index BETWEEN 0 AND 3),
  media_time_us             bigint      NOT NULL,
  jpeg                      bytea       NOT NULL,
  PRIMARY KEY (market_id, frame_index)
);

CREATE TABLE market_audit (
  id                        bigserial   PRIMARY KEY,
  market_id                 text        NOT NULL,
  at                        timestamptz NOT NULL,
  actor                     text        NOT NULL,
  action                    text        NOT NULL,
  detail                    text        NOT NULL
);
CREATE INDEX market_audit_by_market ON market_audit (market_id, id);

CREATE TABLE bet_corrections (
  id                        bigserial   PRIMARY KEY,
  bet_id                    text        NOT NULL REFERENCES bets,
  market_id                 text        NOT NULL,
  from_state                text        NOT NULL,
  to_state                  text        NOT NULL,
  from_payout_minor         bigint      NOT NULL,
  to_payout_minor           bigint      NOT NULL,
  transfer_minor            bigint      NOT NULL,
  outcome                   text        NOT NULL,
  actor                     text        NOT NULL,
  reason                    text        NOT NULL,
  at                        timestamptz NOT NULL
);

-- The trail is evidence too: nobody rewrites it.
CREATE FUNCTION market_trail_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER market_audit_append_only BEFORE UPDATE OR DELETE ON market_audit
  FOR EACH ROW EXECUTE FUNCTION market_trail_is_append_only();
CREATE TRIGGER bet_corrections_append_only BEFORE UPDATE OR DELETE ON bet_corrections
  FOR EACH ROW EXECUTE FUNCTION market_trail_is_append_only();
