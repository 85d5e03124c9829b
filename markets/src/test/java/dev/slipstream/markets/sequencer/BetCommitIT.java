package dev.slipstream.markets.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.limits.LimitKind;
import dev.slipstream.ledger.limits.LimitPeriod;
import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.markets.engine.RiskLimits;
import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.PlaceBet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bet and its money commit together: the journal entry of an accepted bet and its stake hold are
 * written by one transaction, so no crash can keep one without the other.
 */
class BetCommitIT {
  private ShardFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new ShardFixture(true);
    fixture
        .shard
        .submit(
            new EngineCommand.Open(
                "m1",
                "str",
                "EUR",
                List.of("yes", "no"),
                new int[] {25_000, 15_000},
                RiskLimits.DEFAULTS))
        .join();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void anAcceptedBetsJournalEntryAndStakeHoldAreWrittenByTheSameTransaction() throws Exception {
    BetResult accepted = fixture.shard.place(bet("r1", fixture.alice, 1_000)).join();

    assertThat(accepted.getStatus()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    assertThat(fixture.ledger.account(fixture.alice.id()).held()).isEqualTo(1_000);
    assertThat(holdTransaction(accepted.getBetId())).isEqualTo(lastJournalTransaction());
  }

  @Test
  void aWalletWithALimitIsCheckedAndHeldAfterItsJournalEntry() throws Exception {
    Objects.requireNonNull(fixture.limits)
        .set(fixture.bob.id(), LimitKind.STAKE, LimitPeriod.DAY, OptionalLong.of(1_500));

    BetResult first = fixture.shard.place(bet("r1", fixture.bob, 1_000)).join();
    BetResult over = fixture.shard.place(bet("r2", fixture.bob, 1_000)).join();

    assertThat(first.getStatus()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    assertThat(holdTransaction(first.getBetId())).isNotEqualTo(lastJournalTransaction());
    assertThat(over.getRejectCode()).isEqualTo(BetRejectCode.BET_REJECT_CODE_LIMIT_EXCEEDED);
    ShardFixture.await(
        () -> fixture.ledger.account(fixture.bob.id()).held() == 1_000, "only the first held");
  }

  @Test
  void aJournalThatCannotCommitLeavesNoHoldBehindAndTheBetIsNotAcknowledged() throws Exception {
    execute(
        "CREATE FUNCTION markets.refuse_all() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN RAISE EXCEPTION 'disk full (test)'; END $$");
    execute(
        "CREATE TRIGGER refuse_inserts BEFORE INSERT ON markets.journal"
            + " FOR EACH STATEMENT EXECUTE FUNCTION markets.refuse_all()");

    BetResult failed = fixture.shard.place(bet("r1", fixture.alice, 1_000)).join();

    assertThat(failed.getStatus()).isNotEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    assertThat(failed.getRejectCode()).isEqualTo(BetRejectCode.BET_REJECT_CODE_UNAVAILABLE);
    assertThat(fixture.ledger.account(fixture.alice.id()).held()).isZero();
    assertThat(count("SELECT count(*) FROM ledger.holds WHERE debit_account_id = ?"))
        .as("the hold rolled back with the journal: not written at all, not voided later")
        .isZero();
  }

  private String holdTransaction(String betId) throws SQLException {
    try (Connection c = fixture.db.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT xmin::text FROM ledger.holds WHERE metadata = ?")) {
      s.setString(1, "bet:" + betId);
      try (ResultSet rows = s.executeQuery()) {
        assertThat(rows.next()).as("a hold for bet " + betId).isTrue();
        return rows.getString(1);
      }
    }
  }

  private String lastJournalTransaction() throws SQLException {
    try (Connection c = fixture.db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT xmin::text FROM markets.journal WHERE shard = 'test'"
                    + " AND seq = (SELECT max(seq) FROM markets.journal WHERE shard = 'test')")) {
      rows.next();
      return rows.getString(1);
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = fixture.db.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, fixture.alice.id());
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = fixture.db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static PlaceBet bet(String request, Account account, long stake) {
    return PlaceBet.newBuilder()
        .setRequestId(request)
        .setAccountId(Long.toString(account.id()))
        .setMarketId("m1")
        .setSelectionId("yes")
        .setStakeMinor(stake)
        .setCurrency("EUR")
        .setPriceVersionSeen(1)
        .setDecimalOddsBpSeen(25_000)
        .setMediaTimeUs(1_000_000)
        .build();
  }
}
