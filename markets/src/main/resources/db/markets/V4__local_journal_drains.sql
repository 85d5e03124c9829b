-- How far each shard's local journal has been drained into markets.journal.
--
-- With the local journal (bets.journal=local) a shard fsyncs its commands to a file and answers
-- the bettor; a drain then moves them here in batches of hundreds, together with the stakes drawn
-- from the shard's floats, in one transaction that also moves this mark. At start the shard reads
-- this table's rows up to the mark and the file's records after it, and drains those first.
-- Records of the file that are not commands (stakes drawn from floats) leave gaps in
-- markets.journal's sequence numbers; the mark says they were drained.
CREATE TABLE journal_drains (
  shard   TEXT   PRIMARY KEY,
  through BIGINT NOT NULL CHECK (through > 0)
);
