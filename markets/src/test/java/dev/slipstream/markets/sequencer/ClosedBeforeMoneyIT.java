package dev.slipstream.markets.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.ledger.Account;
import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.PlaceBet;
import java.sql.SQLException;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A shard that died after its journal recorded a settlement or a void, but before the ledger moved
 * the money, finishes the money when it starts again: winners paid once, losers' stakes taken,
 * voided stakes given back, and nothing left held. The crash is made exactly there by writing the
 * market's commands to the journal of a stopped shard, as the shard's own commit would have.
 */
class ClosedBeforeMoneyIT {
  private ShardFixture fixture;
  private Account alice;
  private Account bob;

  @BeforeEach
  void start() throws Exception {
    fixture = new ShardFixture();
    alice = fixture.alice;
    bob = fixture.bob;
    fixture.openYesNo("m1");
    assertThat(place("a1", alice, "yes", 1_000).getStatus())
        .isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    assertThat(place("b1", bob, "no", 2_000).getStatus()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    assertThat(fixture.ledger.account(alice.id()).held()).isEqualTo(1_000);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aSettlementJournaledBeforeTheCrashIsPaidAtTheNextStartAndOnlyOnce() {
    fixture.restartAfter(
        () -> journal(new EngineCommand.Close("m1", 2_000_000), new EngineCommand.Settle("m1", 0)));

    // Alice backed "yes" at 2.50: 1,000 staked, 2,500 paid. Bob's 2,000 went to the house.
    ShardFixture.await(
        () -> fixture.ledger.account(alice.id()).balance() == 10_000 - 1_000 + 2_500, "alice paid");
    ShardFixture.await(() -> fixture.ledger.account(bob.id()).held() == 0, "bob's stake taken");
    assertThat(fixture.ledger.account(bob.id()).balance()).isEqualTo(8_000);
    assertThat(fixture.ledger.account(alice.id()).held()).isZero();
    assertThat(fixture.reconcile().clean()).isTrue();

    fixture.restart();

    assertThat(fixture.ledger.account(alice.id()).balance())
        .as("a second start pays nothing twice")
        .isEqualTo(11_500);
    assertThat(fixture.ledger.account(bob.id()).balance()).isEqualTo(8_000);
    assertThat(fixture.reconcile().clean()).isTrue();
  }

  @Test
  void aVoidJournaledBeforeTheCrashGivesTheStakesBackAtTheNextStart() {
    fixture.restartAfter(() -> journal(new EngineCommand.Void("m1")));

    ShardFixture.await(
        () ->
            fixture.ledger.account(alice.id()).held() == 0
                && fixture.ledger.account(bob.id()).held() == 0,
        "stakes given back");
    assertThat(fixture.ledger.account(alice.id()).balance()).isEqualTo(10_000);
    assertThat(fixture.ledger.account(bob.id()).balance()).isEqualTo(10_000);
    assertThat(fixture.reconcile().clean()).isTrue();
  }

  @Test
  void aBetStillStandingAfterTheReplayKeepsItsHold() {
    fixture.restartAfter(() -> journal(new EngineCommand.Suspend("m1", 3_000_000)));

    assertThat(fixture.ledger.account(alice.id()).held()).isEqualTo(1_000);
    assertThat(fixture.ledger.account(bob.id()).held()).isEqualTo(2_000);
    assertThat(fixture.reconcile().clean()).isTrue();
  }

  private void journal(EngineCommand... commands) {
    try {
      ShardJournal journal =
          new ShardJournal(
              fixture.db.dataSource(),
              "test",
              JournalDrain.drainedThrough(fixture.db.dataSource(), "test"),
              Clock.systemUTC(),
              false);
      try {
        for (EngineCommand command : commands) {
          journal.append(CommandCodec.encode(command)).join();
        }
      } finally {
        journal.close();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private BetResult place(String request, Account account, String selection, long stake) {
    return fixture
        .shard
        .place(
            PlaceBet.newBuilder()
                .setRequestId(request)
                .setAccountId(Long.toString(account.id()))
                .setMarketId("m1")
                .setSelectionId(selection)
                .setStakeMinor(stake)
                .setCurrency("EUR")
                .setPriceVersionSeen(1)
                .setDecimalOddsBpSeen("yes".equals(selection) ? 25_000 : 15_000)
                .setMediaTimeUs(1_000_000)
                .build())
        .join();
  }
}
