-- Streams a broadcaster can take live. The sequence gives a stable order for cursor paging.
CREATE TABLE streams (
  seq        BIGSERIAL   PRIMARY KEY,
  id         TEXT        NOT NULL UNIQUE CHECK (id ~ '^str_[a-z0-9]{16}$'),
  title      TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 120),
  state      TEXT        NOT NULL CHECK (state IN ('idle', 'live', 'ended')),
  created_at TIMESTAMPTZ NOT NULL
);
