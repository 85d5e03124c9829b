-- A stream's secret publish key is stored only as its SHA-256 (hex); the key itself is shown
-- once, when created or rotated. The hash is unique so a key alone (RTMP's stream key) finds
-- its stream.
ALTER TABLE streams ADD COLUMN publish_key_hash TEXT UNIQUE CHECK (publish_key_hash ~ '^[0-9a-f]{64}$');
ALTER TABLE streams ADD COLUMN state_changed_at TIMESTAMPTZ;
UPDATE streams SET state_changed_at = created_at;
ALTER TABLE streams ALTER COLUMN state_changed_at SET NOT NULL;
