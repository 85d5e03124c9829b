package dev.slipstream.markets.engine;

import static dev.slipstream.markets.engine.BetEngineTest.bet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.PlaceBet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bet request sent again under its request id gets its first answer and places nothing new. */
class BetEngineRetryTest {
  private static final long SECOND = 1_000_000_000L;
  private final List<EngineCommand> log = new ArrayList<>();
  private BetEngine engine;

  @BeforeEach
  void openAMarket() {
    engine = new BetEngine("s1");
    apply(
        new EngineCommand.Open(
            "m1",
            "str_a",
            "EUR",
            List.of("yes", "no"),
            new int[] {25_000, 15_000},
            new RiskLimits(10, 50_000, 1_000_000_000, 5, 10)));
  }

  @Test
  void aRetriedRequestGetsTheSameBetAndChangesNothing() {
    BetDecision first = place(bet("r1", "alice", "yes", 1_000).build(), 0);
    long after = engine.stateHash();
    long liability = engine.market("m1").orElseThrow().liabilityIfWins(0);

    BetDecision again = place(bet("r1", "alice", "yes", 1_000).build(), SECOND);

    assertThat(again).isEqualTo(first);
    assertThat(first.status()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    assertThat(engine.allStandingBets()).hasSize(1);
    assertThat(engine.market("m1").orElseThrow().liabilityIfWins(0)).isEqualTo(liability);
    assertThat(engine.stateHash()).isEqualTo(after);
  }

  @Test
  void twoAccountsMayUseTheSameRequestIdForTheirOwnBets() {
    BetDecision alices = place(bet("r1", "alice", "yes", 1_000).build(), 0);
    BetDecision bobs = place(bet("r1", "bob", "yes", 1_000).build(), 0);

    assertThat(bobs.stands()).isTrue();
    assertThat(bobs.betId()).isNotEqualTo(alices.betId());
    assertThat(engine.allStandingBets()).hasSize(2);
  }

  @Test
  void aRequestIdReusedForADifferentBetIsRefusedAsAConflictAndChangesNothing() {
    BetDecision first = place(bet("r1", "alice", "yes", 1_000).build(), 0);
    long after = engine.stateHash();

    BetDecision other = place(bet("r1", "alice", "yes", 2_000).build(), SECOND);

    assertThat(other.status()).isEqualTo(BetStatus.BET_STATUS_REJECTED);
    assertThat(other.rejectCode()).isEqualTo(BetRejectCode.BET_REJECT_CODE_IDEMPOTENCY_CONFLICT);
    assertThat(other.detail()).contains("r1");
    assertThat(engine.stateHash()).isEqualTo(after);
    assertThat(place(bet("r1", "alice", "yes", 1_000).build(), SECOND)).isEqualTo(first);
  }

  @Test
  void aRefusedRequestGetsTheSameRefusalEvenOnceTheMarketWouldTakeIt() {
    apply(new EngineCommand.Suspend("m1", 5_000_000));
    BetDecision refused = place(bet("r1", "alice", "yes", 1_000).build(), 0);
    apply(new EngineCommand.Reopen("m1"));

    BetDecision again = place(bet("r1", "alice", "yes", 1_000).build(), SECOND);

    assertThat(refused.rejectCode()).isEqualTo(BetRejectCode.BET_REJECT_CODE_MARKET_SUSPENDED);
    assertThat(again).isEqualTo(refused);
    assertThat(engine.allStandingBets()).isEmpty();
  }

  @Test
  void aRateLimitedRequestMayTryAgainUnderItsId() {
    for (int i = 0; i < 10; i++) {
      assertThat(place(bet("burst" + i, "alice", "yes", 100).build(), 0).stands()).isTrue();
    }
    BetDecision limited = place(bet("r1", "alice", "yes", 100).build(), 0);
    assertThat(limited.rejectCode()).isEqualTo(BetRejectCode.BET_REJECT_CODE_RATE_LIMITED);

    BetDecision later = place(bet("r1", "alice", "yes", 100).build(), SECOND);

    assertThat(later.stands()).isTrue();
  }

  @Test
  void aBetWhoseStakeCouldNotBeHeldAnswersItsRetryWithThatRefusal() {
    BetDecision taken = place(bet("r1", "alice", "yes", 1_000).build(), 0);
    apply(
        new EngineCommand.Release(
            taken.betId(), BetRejectCode.BET_REJECT_CODE_INSUFFICIENT_FUNDS, "balance too low"));

    BetDecision again = place(bet("r1", "alice", "yes", 1_000).build(), SECOND);

    assertThat(again.status()).isEqualTo(BetStatus.BET_STATUS_REJECTED);
    assertThat(again.rejectCode()).isEqualTo(BetRejectCode.BET_REJECT_CODE_INSUFFICIENT_FUNDS);
    assertThat(again.detail()).isEqualTo("balance too low");
    assertThat(engine.allStandingBets()).isEmpty();
  }

  @Test
  void aBetTakenBackBecauseTheShardWasUnavailableMayBePlacedAgain() {
    BetDecision taken = place(bet("r1", "alice", "yes", 1_000).build(), 0);
    apply(
        new EngineCommand.Release(
            taken.betId(), BetRejectCode.BET_REJECT_CODE_UNAVAILABLE, "the ledger is down"));

    BetDecision again = place(bet("r1", "alice", "yes", 1_000).build(), SECOND);

    assertThat(again.stands()).isTrue();
    assertThat(again.betId()).isNotEqualTo(taken.betId());
  }

  @Test
  void aBetStruckByASuspensionKeepsItsFirstAnswer() {
    BetDecision taken = place(bet("r1", "alice", "yes", 1_000).build(), 0);
    apply(new EngineCommand.Suspend("m1", 500_000));

    assertThat(place(bet("r1", "alice", "yes", 1_000).build(), SECOND)).isEqualTo(taken);
    assertThat(engine.allStandingBets()).isEmpty();
  }

  @Test
  void eachAccountRemembersItsMostRecentRequestIdsOnly() {
    int window = AnsweredRequests.WINDOW;
    List<BetDecision> firsts = new ArrayList<>();
    for (int i = 0; i <= window; i++) {
      firsts.add(place(bet("r" + i, "alice", i % 2 == 0 ? "yes" : "no", 10).build(), i * SECOND));
    }
    long now = (window + 1) * SECOND;

    BetDecision newest = place(bet("r" + window, "alice", "yes", 10).build(), now);
    BetDecision oldest = place(bet("r0", "alice", "yes", 10).build(), now);

    assertThat(newest).isEqualTo(firsts.get(window));
    assertThat(oldest.stands()).as("forgotten, so placed as a new bet").isTrue();
    assertThat(oldest.betId()).isNotEqualTo(firsts.get(0).betId());
  }

  @Test
  void aReplayOfTheCommandLogRemembersTheSameAnswers() {
    BetDecision accepted = place(bet("r1", "alice", "yes", 1_000).build(), 0);
    BetDecision unheld = place(bet("r2", "alice", "yes", 1_000).build(), 0);
    apply(
        new EngineCommand.Release(
            unheld.betId(), BetRejectCode.BET_REJECT_CODE_INSUFFICIENT_FUNDS, "balance too low"));
    BetDecision stale = place(bet("r3", "alice", "yes", 1_000).setPriceVersionSeen(7).build(), 0);

    BetEngine rebuilt = new BetEngine("s1");
    log.forEach(c -> EngineCommand.apply(rebuilt, c));

    assertThat(rebuilt.stateHash()).isEqualTo(engine.stateHash());
    assertThat(rebuilt.place(bet("r1", "alice", "yes", 1_000).build(), SECOND)).isEqualTo(accepted);
    assertThat(rebuilt.place(bet("r2", "alice", "yes", 1_000).build(), SECOND).rejectCode())
        .isEqualTo(BetRejectCode.BET_REJECT_CODE_INSUFFICIENT_FUNDS);
    assertThat(rebuilt.place(bet("r3", "alice", "yes", 1_000).setPriceVersionSeen(7).build(), 0))
        .isEqualTo(stale);
    assertThat(rebuilt.allStandingBets()).hasSize(1);
  }

  private BetDecision place(PlaceBet bet, long nanos) {
    return apply(new EngineCommand.Place(bet, nanos)).getFirst();
  }

  private List<BetDecision> apply(EngineCommand command) {
    log.add(command);
    return EngineCommand.apply(engine, command);
  }
}
