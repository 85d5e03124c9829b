package dev.slipstream.markets.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.ledger.Account;
import dev.slipstream.markets.engine.AccountRiskView;
import dev.slipstream.markets.engine.BetDecision;
import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.PlaceBet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bettor an operator gave a bet delay, against real PostgreSQL: their bets wait as pending with
 * the stake held, the stream's frames confirm them, a suspension first lapses them, the bettor may
 * cancel one while it waits (stake back at once), and all of it, the risk settings included, is the
 * same after a restart.
 */
class PendingBetsIT {
  private ShardFixture fixture;
  private Account alice;
  private final Map<String, BetClosedListener.Ending> endings = new ConcurrentHashMap<>();
  private final List<String> confirmed = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    fixture = new ShardFixture();
    alice = fixture.alice;
    listen(fixture.shard);
    fixture.openYesNo("m1");
    fixture.shard.setAccountRisk(Long.toString(alice.id()), 0.5, 2_000_000, false).join();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aPendingBetHoldsItsStakeAndItsBettorMayCancelItUntilItStands() {
    BetResult pending = place("p1", 1_000, 1_000_000);
    assertThat(pending.getStatus()).isEqualTo(BetStatus.BET_STATUS_PENDING);
    assertThat(fixture.ledger.account(alice.id()).held()).isEqualTo(1_000);
    assertThat(fixture.shard.hasPending()).isTrue();

    BetDecision cancelled =
        fixture.shard.cancel(pending.getBetId(), Long.toString(alice.id())).join();

    assertThat(cancelled.status()).isEqualTo(BetStatus.BET_STATUS_CANCELLED);
    ShardFixture.await(() -> fixture.ledger.account(alice.id()).held() == 0, "stake returned");
    assertThat(fixture.ledger.account(alice.id()).balance()).isEqualTo(10_000);
    assertThat(endings).containsEntry(pending.getBetId(), BetClosedListener.Ending.CANCELLED);
    assertThat(fixture.shard.hasPending()).isFalse();

    BetResult later = place("p2", 1_000, 2_000_000);
    fixture.shard.submit(new EngineCommand.ConfirmPending("str", 3_000_000)).join();
    assertThat(confirmed).as("not before its delay ran out").isEmpty();
    fixture.shard.submit(new EngineCommand.ConfirmPending("str", 4_000_000)).join();
    assertThat(confirmed).containsExactly(later.getBetId());
    assertThat(
            fixture.shard.cancel(later.getBetId(), Long.toString(alice.id())).join().rejectCode())
        .isEqualTo(BetRejectCode.BET_REJECT_CODE_NOT_CANCELLABLE);
    assertThat(fixture.ledger.account(alice.id()).held()).isEqualTo(1_000);
    assertThat(fixture.reconcile().clean()).isTrue();
  }

  @Test
  void aSuspensionBeforeTheDelayRunsOutLapsesTheBetAndReturnsTheStake() {
    BetResult pending = place("p1", 1_000, 1_000_000);
    fixture.shard.submit(new EngineCommand.Suspend("m1", 2_000_000)).join();
    fixture.shard.submit(new EngineCommand.ConfirmPending("str", 5_000_000)).join();

    assertThat(endings).containsEntry(pending.getBetId(), BetClosedListener.Ending.VOID);
    ShardFixture.await(() -> fixture.ledger.account(alice.id()).held() == 0, "stake returned");
    assertThat(fixture.reconcile().clean()).isTrue();
  }

  @Test
  void theSettingsAPendingBetAndACancellationAreTheSameAfterARestart() {
    BetResult cancelledBet = place("p1", 1_000, 1_000_000);
    fixture.shard.cancel(cancelledBet.getBetId(), Long.toString(alice.id())).join();
    BetResult waiting = place("p2", 2_000, 1_500_000);
    long before = fixture.shard.stateHash();

    BetSequencer restarted = fixture.restart();

    assertThat(restarted.stateHash()).isEqualTo(before);
    AccountRiskView risk = restarted.accountRisk(Long.toString(alice.id()));
    assertThat(risk.confidence()).isEqualTo(0.5);
    assertThat(risk.betDelayMicros()).isEqualTo(2_000_000);
    assertThat(restarted.hasPending()).isTrue();
    ShardFixture.await(() -> fixture.ledger.account(alice.id()).held() == 2_000, "one stake held");
    assertThat(fixture.reconcile().clean()).isTrue();
    assertThat(restarted.cancel(waiting.getBetId(), Long.toString(alice.id())).join().status())
        .isEqualTo(BetStatus.BET_STATUS_CANCELLED);
    ShardFixture.await(() -> fixture.ledger.account(alice.id()).held() == 0, "all returned");
  }

  @Test
  void aStakeAboveTheConfidenceScaledLimitIsRefused() {
    // The market's largest stake is 50,000; at confidence 0.5 this bettor's is 25,000.
    assertThat(place("big", 30_000, 1_000_000).getRejectCode())
        .isEqualTo(BetRejectCode.BET_REJECT_CODE_LIMIT_EXCEEDED);
  }

  private void listen(BetSequencer shard) {
    shard.onBetClosed(
        new BetClosedListener() {
          @Override
          public void closed(String betId, Ending ending, long payoutMinor) {
            endings.put(betId, ending);
          }

          @Override
          public void confirmed(String betId) {
            confirmed.add(betId);
          }
        });
  }

  private BetResult place(String request, long stake, long mediaTimeUs) {
    return fixture
        .shard
        .place(
            PlaceBet.newBuilder()
                .setRequestId(request)
                .setAccountId(Long.toString(alice.id()))
                .setMarketId("m1")
                .setSelectionId("yes")
                .setStakeMinor(stake)
                .setCurrency("EUR")
                .setPriceVersionSeen(1)
                .setDecimalOddsBpSeen(25_000)
                .setMediaTimeUs(mediaTimeUs)
                .build())
        .join();
  }
}
