-- Personal data at rest is encrypted (AES-256-GCM, key id kept with each value so keys rotate);
-- accounts are found by email through a keyed HMAC blind index. The plaintext columns stay only
-- until the gateway's first start after this migration seals them (it then empties them), so no
-- key ever has to be in a migration. An erased account keeps its id (ledger entries point at it)
-- and nothing personal: the database refuses an erased row that still holds any of it.
ALTER TABLE users
  ADD COLUMN email_index          TEXT CHECK (email_index ~ '^[0-9a-f]{64}$'),
  ADD COLUMN email_sealed         TEXT CHECK (email_sealed LIKE 'v1.%'),
  ADD COLUMN display_name_sealed  TEXT CHECK (display_name_sealed LIKE 'v1.%'),
  ADD COLUMN erased_at            TIMESTAMPTZ,
  ALTER COLUMN email DROP NOT NULL,
  ALTER COLUMN display_name DROP NOT NULL,
  ALTER COLUMN password_hash DROP NOT NULL;
CREATE UNIQUE INDEX users_by_email_index ON users (email_index);
ALTER TABLE users
  ADD CONSTRAINT erased_holds_nothing_personal CHECK (erased_at IS NULL OR (
    email IS NULL AND display_name IS NULL AND email_index IS NULL AND email_sealed IS NULL
    AND display_name_sealed IS NULL AND password_hash IS NULL)),
  ADD CONSTRAINT live_account_can_sign_in CHECK (erased_at IS NOT NULL OR (
    password_hash IS NOT NULL AND (email IS NOT NULL OR (email_index IS NOT NULL
    AND email_sealed IS NOT NULL AND display_name_sealed IS NOT NULL))));

-- Sign-in failures are counted per email blind index from now on, not per plaintext email.
DELETE FROM login_failures;
COMMENT ON COLUMN login_failures.email IS 'the blind index of the normalised email, never the email';

-- Sessions end for good when their account is erased.
ALTER TABLE sessions DROP CONSTRAINT sessions_revoked_reason_check;
ALTER TABLE sessions ADD CONSTRAINT sessions_revoked_reason_check
  CHECK (revoked_reason IN ('logout', 'reuse', 'erased'));
