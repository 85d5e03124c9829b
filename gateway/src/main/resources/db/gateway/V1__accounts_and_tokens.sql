-- Accounts. The email is stored normalised (trimmed, lower case), so the unique index is the rule.
CREATE TABLE users (
  id            TEXT        PRIMARY KEY CHECK (id ~ '^usr_[a-z0-9]{16}$'),
  email         TEXT        NOT NULL UNIQUE CHECK (email = lower(email) AND char_length(email) <= 254),
  display_name  TEXT        NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 64),
  password_hash TEXT        NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  roles         TEXT[]      NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL
);

-- Failed sign-ins per normalised email, whether or not an account has it, so the lockout answers
-- the same for unknown and known addresses. A successful sign-in deletes the row.
CREATE TABLE login_failures (
  email           TEXT        PRIMARY KEY,
  failures        INTEGER     NOT NULL CHECK (failures > 0),
  last_failure_at TIMESTAMPTZ NOT NULL,
  locked_until    TIMESTAMPTZ
);

-- One row per sign-in: the refresh-token family. Revoking it ends every token in it.
CREATE TABLE sessions (
  id             TEXT        PRIMARY KEY CHECK (id ~ '^ses_[a-z0-9]{16}$'),
  user_id        TEXT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at     TIMESTAMPTZ NOT NULL,
  revoked_at     TIMESTAMPTZ,
  revoked_reason TEXT        CHECK (revoked_reason IN ('logout', 'reuse'))
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Opaque refresh tokens, stored as SHA-256 of the token (256 random bits, so no slow hash is
-- needed). replaced_at is set when the token is rotated; presenting it again is reuse.
CREATE TABLE refresh_tokens (
  token_hash  BYTEA       PRIMARY KEY CHECK (octet_length(token_hash) = 32),
  session_id  TEXT        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  issued_at   TIMESTAMPTZ NOT NULL,
  expires_at  TIMESTAMPTZ NOT NULL,
  replaced_at TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id);

-- HS256 keys generated when none is configured, shared by every gateway node through the
-- database. The newest signs; all verify.
CREATE TABLE signing_keys (
  kid        TEXT        PRIMARY KEY,
  secret     BYTEA       NOT NULL CHECK (octet_length(secret) >= 32),
  created_at TIMESTAMPTZ NOT NULL
);

-- Gateway-side facts about media streams: who created one, and whether playing needs a play token.
-- Streams created without a signed-in user (the demo) have no row: no owner, open to play.
CREATE TABLE stream_access (
  stream_id           TEXT        PRIMARY KEY,
  owner_id            TEXT        REFERENCES users (id) ON DELETE SET NULL,
  play_token_required BOOLEAN     NOT NULL,
  updated_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX stream_access_by_owner ON stream_access (owner_id);
