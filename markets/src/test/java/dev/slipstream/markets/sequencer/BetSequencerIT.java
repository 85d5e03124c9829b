package dev.slipstream.markets.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.markets.engine.RiskLimits;
import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.PlaceBet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sequencer against real PostgreSQL: bets hold real money, settle, and survive a restart. */
class BetSequencerIT {
  private ShardFixture fixture;
  private Ledger ledger;
  private Account alice;
  private Account bob;
  private BetSequencer shard;

  @BeforeEach
  void start() throws Exception {
    fixture = new ShardFixture();
    ledger = fixture.ledger;
    alice = fixture.alice;
    bob = fixture.bob;
    shard = fixture.shard;
    shard
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
  void anAcceptedBetHoldsItsStakeAndSettlementPaysTheWinner() {
    BetResult yes = shard.place(bet("r1", alice, "yes", 1_000, 25_000)).join();
    BetResult no = shard.place(bet("r2", bob, "no", 2_000, 15_000)).join();

    assertThat(yes.getStatus()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    assertThat(no.getStatus()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    assertThat(ledger.account(alice.id()).held()).isEqualTo(1_000);
    assertThat(ledger.account(alice.id()).available()).isEqualTo(9_000);

    shard.submit(new EngineCommand.Close("m1", 5_000_000)).join();
    shard.submit(new EngineCommand.Settle("m1", 0)).join();

    awaitBalance(alice, 10_000 - 1_000 + 2_500);
    awaitBalance(bob, 10_000 - 2_000);
    assertThat(ledger.account(alice.id()).held()).isZero();
    assertThat(reconcile().clean()).isTrue();
  }

  @Test
  void aStakeTheWalletCannotCoverIsRejectedAndLeavesNoExposure() {
    BetResult broke = shard.place(bet("r1", alice, "yes", 20_000, 25_000)).join();
    // 20,000 is within the stake limit (50,000) but above Alice's 10,000.
    assertThat(broke.getStatus()).isEqualTo(BetStatus.BET_STATUS_REJECTED);
    assertThat(broke.getRejectCode()).isEqualTo(BetRejectCode.BET_REJECT_CODE_INSUFFICIENT_FUNDS);
    BetResult unknownWallet =
        shard
            .place(
                bet("r2", alice, "yes", 1_000, 25_000).toBuilder().setAccountId("999999").build())
            .join();
    assertThat(unknownWallet.getRejectCode())
        .isEqualTo(BetRejectCode.BET_REJECT_CODE_INVALID_REQUEST);
    BetResult notAWallet =
        shard
            .place(bet("r3", alice, "yes", 1_000, 25_000).toBuilder().setAccountId("alice").build())
            .join();
    assertThat(notAWallet.getRejectCode()).isEqualTo(BetRejectCode.BET_REJECT_CODE_INVALID_REQUEST);

    long before = shard.stateHash();
    BetSequencer fresh = restart();
    assertThat(fresh.stateHash()).as("the rejected bets left nothing standing").isEqualTo(before);
    assertThat(ledger.account(alice.id()).held()).isZero();
    assertThat(reconcile().clean()).isTrue();
  }

  @Test
  void aBetPlacedAfterTheDecidingMomentIsStruckAndRefunded() {
    shard
        .place(
            bet("early", alice, "yes", 1_000, 25_000).toBuilder().setMediaTimeUs(9_000_000).build())
        .join();
    shard
        .place(
            bet("late", bob, "yes", 1_000, 25_000).toBuilder().setMediaTimeUs(10_500_000).build())
        .join();
    assertThat(ledger.account(bob.id()).held()).isEqualTo(1_000);

    var struck = shard.submit(new EngineCommand.Suspend("m1", 10_000_000)).join();

    assertThat(struck).extracting(d -> d.requestId()).containsExactly("late");
    awaitHeld(bob, 0);
    assertThat(ledger.account(alice.id()).held()).isEqualTo(1_000);
    assertThat(reconcile().clean()).isTrue();
  }

  @Test
  void aRestartReplaysTheJournalToTheSameStateWithTheSameHolds() {
    List<CompletableFuture<BetResult>> bets = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Account who = i % 2 == 0 ? alice : bob;
      bets.add(
          shard.place(
              bet("b" + i, who, i % 3 == 0 ? "no" : "yes", 10 + i, i % 3 == 0 ? 15_000 : 25_000)));
    }
    long accepted =
        bets.stream()
            .map(CompletableFuture::join)
            .filter(r -> r.getStatus() == BetStatus.BET_STATUS_ACCEPTED)
            .count();
    assertThat(accepted).isPositive();
    long held = ledger.account(alice.id()).held() + ledger.account(bob.id()).held();
    long before = shard.stateHash();

    BetSequencer fresh = restart();

    assertThat(fresh.stateHash()).isEqualTo(before);
    assertThat(ledger.account(alice.id()).held() + ledger.account(bob.id()).held()).isEqualTo(held);
    assertThat(reconcile(fresh).clean()).as("every open hold is a standing bet's").isTrue();
    assertThat(shard.journalBatches())
        .as("group commit: fewer batches than commands")
        .isLessThan(200);
  }

  private BetSequencer restart() {
    shard = fixture.restart();
    return shard;
  }

  private dev.slipstream.ledger.ReconciliationReport reconcile() {
    return fixture.reconcile();
  }

  private dev.slipstream.ledger.ReconciliationReport reconcile(BetSequencer sequencer) {
    return fixture.reconcile();
  }

  private void awaitBalance(Account account, long balance) {
    await(() -> ledger.account(account.id()).balance() == balance, account + " balance " + balance);
  }

  private void awaitHeld(Account account, long held) {
    await(() -> ledger.account(account.id()).held() == held, account + " held " + held);
  }

  private static void await(java.util.function.BooleanSupplier condition, String what) {
    ShardFixture.await(condition, what);
  }

  private static PlaceBet bet(
      String request, Account account, String selection, long stake, int odds) {
    return PlaceBet.newBuilder()
        .setRequestId(request)
        .setAccountId(Long.toString(account.id()))
        .setMarketId("m1")
        .setSelectionId(selection)
        .setStakeMinor(stake)
        .setCurrency("EUR")
        .setPriceVersionSeen(1)
        .setDecimalOddsBpSeen(odds)
        .setMediaTimeUs(1_000_000)
        .build();
  }
}
