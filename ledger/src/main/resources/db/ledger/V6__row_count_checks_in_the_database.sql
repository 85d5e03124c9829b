-- A row-count check the database makes itself, so a batch's writes and its commit can go to the
-- server in one round trip (one Sync of the extended protocol, one implicit transaction) instead
-- of each statement's count being read back before the next is sent.
--
-- The bet journal writes a batch's stake holds, its wallets' new balances and its journal rows
-- that way (HoldsInTransaction). The wallets are written back only where their version is still
-- the one read (optimistic concurrency); where another writer changed one meanwhile the update
-- finds fewer rows than it was given, and this function fails the statement with a serialization
-- failure, so the whole transaction rolls back and the batch is read and decided again.
CREATE FUNCTION expect_rows(written BIGINT, expected BIGINT, what TEXT) RETURNS BIGINT
  LANGUAGE plpgsql AS $$
BEGIN
  IF written IS DISTINCT FROM expected THEN
    RAISE EXCEPTION '%: % rows written where % were expected', what, written, expected
      USING ERRCODE = 'serialization_failure';
  END IF;
  RETURN written;
END
$$;
