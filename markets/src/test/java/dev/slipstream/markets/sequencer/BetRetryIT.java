package dev.slipstream.markets.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.ledger.Account;
import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.PlaceBet;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bets sent again under their request id, against real PostgreSQL: at once, one after the other,
 * and after a restart, each request gets one answer and at most one stake hold.
 */
class BetRetryIT {
  private ShardFixture fixture;
  private Account alice;
  private Account bob;

  @BeforeEach
  void start() throws Exception {
    fixture = new ShardFixture();
    alice = fixture.alice;
    bob = fixture.bob;
    fixture.openYesNo("m1");
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void copiesSentAtOnceArePlacedOnceWithOneHold() throws SQLException {
    List<CompletableFuture<BetResult>> copies = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      copies.add(fixture.shard.place(bet("r1", alice, 1_000)));
    }

    List<BetResult> answers = copies.stream().map(CompletableFuture::join).toList();

    assertThat(answers)
        .extracting(BetResult::getStatus)
        .containsOnly(BetStatus.BET_STATUS_ACCEPTED);
    assertThat(answers).extracting(BetResult::getBetId).containsOnly(answers.getFirst().getBetId());
    assertThat(betHolds()).isEqualTo(1);
    assertThat(fixture.ledger.account(alice.id()).held()).isEqualTo(1_000);
    assertThat(fixture.reconcile().clean()).isTrue();
  }

  @Test
  void copiesOfABetTheWalletCannotCoverGetTheSameRefusalAndHoldNothing() throws SQLException {
    CompletableFuture<BetResult> first = fixture.shard.place(bet("big", alice, 20_000));
    CompletableFuture<BetResult> copy = fixture.shard.place(bet("big", alice, 20_000));

    BetResult refused = first.join();
    BetResult later = fixture.shard.place(bet("big", alice, 20_000)).join();

    assertThat(refused.getRejectCode()).isEqualTo(BetRejectCode.BET_REJECT_CODE_INSUFFICIENT_FUNDS);
    assertThat(copy.join().getRejectCode()).isEqualTo(refused.getRejectCode());
    assertThat(later.getRejectCode()).isEqualTo(refused.getRejectCode());
    assertThat(later.getBetId()).isEmpty();
    assertThat(betHolds()).isZero();
    assertThat(fixture.ledger.account(alice.id()).held()).isZero();
  }

  @Test
  void twoAccountsUsingTheSameRequestIdEachGetTheirOwnBet() throws SQLException {
    BetResult alices = fixture.shard.place(bet("same", alice, 1_000)).join();
    BetResult bobs = fixture.shard.place(bet("same", bob, 1_000)).join();

    assertThat(bobs.getStatus()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    assertThat(bobs.getBetId()).isNotEqualTo(alices.getBetId());
    assertThat(betHolds()).isEqualTo(2);
  }

  @Test
  void aRequestIdReusedForAnotherBetIsRefusedAsAConflictAndHoldsNothingMore() throws SQLException {
    BetResult first = fixture.shard.place(bet("r1", alice, 1_000)).join();

    BetResult other = fixture.shard.place(bet("r1", alice, 2_000)).join();

    assertThat(other.getStatus()).isEqualTo(BetStatus.BET_STATUS_REJECTED);
    assertThat(other.getRejectCode()).isEqualTo(BetRejectCode.BET_REJECT_CODE_IDEMPOTENCY_CONFLICT);
    assertThat(first.getStatus()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    assertThat(betHolds()).isEqualTo(1);
    assertThat(fixture.ledger.account(alice.id()).held()).isEqualTo(1_000);
  }

  @Test
  void afterARestartTheReplayedJournalStillAnswersRetriesWithTheFirstAnswer() throws SQLException {
    BetResult accepted = fixture.shard.place(bet("r1", alice, 1_000)).join();
    BetResult broke = fixture.shard.place(bet("r2", alice, 50_000)).join();
    BetResult suspended;
    fixture.shard.submit(new EngineCommand.Suspend("m1", 5_000_000)).join();
    suspended = fixture.shard.place(bet("r3", bob, 1_000)).join();
    fixture.shard.submit(new EngineCommand.Reopen("m1")).join();
    long before = fixture.shard.stateHash();

    BetSequencer restarted = fixture.restart();

    assertThat(restarted.stateHash()).as("the answers are rebuilt too").isEqualTo(before);
    BetResult r1 = restarted.place(bet("r1", alice, 1_000)).join();
    assertThat(r1.getBetId()).isEqualTo(accepted.getBetId());
    assertThat(r1.getStatus()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    assertThat(restarted.place(bet("r2", alice, 50_000)).join().getRejectCode())
        .isEqualTo(broke.getRejectCode())
        .isEqualTo(BetRejectCode.BET_REJECT_CODE_INSUFFICIENT_FUNDS);
    assertThat(restarted.place(bet("r3", bob, 1_000)).join().getRejectCode())
        .isEqualTo(suspended.getRejectCode())
        .isEqualTo(BetRejectCode.BET_REJECT_CODE_MARKET_SUSPENDED);
    assertThat(restarted.place(bet("r1", alice, 3_000)).join().getRejectCode())
        .isEqualTo(BetRejectCode.BET_REJECT_CODE_IDEMPOTENCY_CONFLICT);
    assertThat(restarted.place(bet("r4", alice, 1_000)).join().getStatus())
        .as("a new request id is still a new bet")
        .isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    assertThat(betHolds()).isEqualTo(2);
    assertThat(fixture.ledger.account(alice.id()).held()).isEqualTo(2_000);
    assertThat(fixture.reconcile().clean()).isTrue();
  }

  private long betHolds() throws SQLException {
    try (Connection c = fixture.db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery("SELECT count(*) FROM ledger.holds WHERE metadata LIKE 'bet:%'")) {
      rows.next();
      return rows.getLong(1);
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
