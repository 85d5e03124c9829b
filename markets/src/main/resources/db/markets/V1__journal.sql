-- The bet engine's journal: every command a shard's single writer applied, in order. Replaying a
-- shard's rows into a fresh engine rebuilds its state exactly. Append-only.
CREATE TABLE journal (
  shard      text        NOT NULL,
  seq        bigint      NOT NULL CHECK (seq > 0),
  command    bytea       NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shard, seq)
);

CREATE FUNCTION journal_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the bet journal is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER journal_append_only
  BEFORE UPDATE OR DELETE ON journal
  FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();

CREATE TRIGGER journal_no_truncate
  BEFORE TRUNCATE ON journal
  FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();
