package dev.slipstream.markets.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.PlaceBet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BetEngineTest {
  private static final long SECOND = 1_000_000_000L;
  private BetEngine engine;

  @BeforeEach
  void openAMarket() {
    engine = new BetEngine("s1");
    engine.open(
        "m1",
        "str_a",
        "EUR",
        List.of("yes", "no"),
        new int[] {25_000, 15_000},
        RiskLimits.DEFAULTS);
  }

  @Test
  void aBetAtTheCurrentPriceStandsAndMovesTheBooksExposure() {
    BetDecision decision = engine.place(bet("r1", "alice", "yes", 1_000).build(), 0);

    assertThat(decision.status()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    assertThat(decision.betId()).isEqualTo("s1-1");
    assertThat(decision.oddsBp()).isEqualTo(25_000);
    assertThat(decision.payoutMinor()).isEqualTo(2_500);
    MarketBook book = engine.market("m1").orElseThrow();
    assertThat(book.liabilityIfWins(0)).isEqualTo(1_500);
    assertThat(book.liabilityIfWins(1)).isEqualTo(-1_000);
  }

  @Test
  void badCommandsGetTheirOwnCodeAndChangeNothing() {
    long before = engine.market("m1").orElseThrow().stateHash();
    assertRejected(bet("", "alice", "yes", 1_000), BetRejectCode.BET_REJECT_CODE_INVALID_REQUEST);
    assertRejected(
        bet("r1", "alice", "yes", 1_000).setMarketId("m9"),
        BetRejectCode.BET_REJECT_CODE_UNKNOWN_MARKET);
    assertRejected(
        bet("r2", "alice", "maybe", 1_000), BetRejectCode.BET_REJECT_CODE_UNKNOWN_SELECTION);
    assertRejected(
        bet("r3", "alice", "yes", 1_000).setCurrency("GBP"),
        BetRejectCode.BET_REJECT_CODE_CURRENCY_MISMATCH);
    assertRejected(bet("r4", "alice", "yes", 0), BetRejectCode.BET_REJECT_CODE_INVALID_STAKE);
    assertRejected(bet("r5", "alice", "yes", -5), BetRejectCode.BET_REJECT_CODE_INVALID_STAKE);
    assertRejected(
        bet("r6", "alice", "yes", Long.MAX_VALUE), BetRejectCode.BET_REJECT_CODE_LIMIT_EXCEEDED);
    assertRejected(
        bet("r7", "alice", "yes", 1_000).setDecimalOddsBpSeen(30_000),
        BetRejectCode.BET_REJECT_CODE_INVALID_REQUEST);
    assertThat(engine.market("m1").orElseThrow().stateHash()).isEqualTo(before);
    assertThat(engine.allStandingBets()).isEmpty();
  }

  @Test
  void aMovedPriceIsRefusedUnlessTheBettorTakesANoWorseOne() {
    engine.reprice("m1", new int[] {26_000, 14_500});
    assertRejected(bet("r1", "alice", "yes", 1_000), BetRejectCode.BET_REJECT_CODE_STALE_PRICE);

    BetDecision better =
        engine.place(bet("r2", "alice", "yes", 1_000).setAcceptBetterOdds(true).build(), 0);
    assertThat(better.status()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    assertThat(better.oddsBp()).isEqualTo(26_000);
    assertThat(better.priceVersion()).isEqualTo(2);

    engine.reprice("m1", new int[] {24_000, 15_500});
    assertRejected(
        bet("r3", "alice", "yes", 1_000).setAcceptBetterOdds(true),
        BetRejectCode.BET_REJECT_CODE_STALE_PRICE);
  }

  @Test
  void nobodyKeepsABetPlacedAtOrAfterTheDecidingMoment() {
    engine.place(bet("early", "alice", "yes", 1_000).setMediaTimeUs(8_500_000).build(), 0);
    engine.place(bet("late", "mallory", "yes", 1_000).setMediaTimeUs(10_000_000).build(), 0);

    List<BetDecision> struck = engine.suspend("m1", 10_000_000);

    assertThat(struck).extracting(BetDecision::requestId).containsExactly("late");
    assertThat(struck.getFirst().rejectCode())
        .isEqualTo(BetRejectCode.BET_REJECT_CODE_AFTER_SUSPENSION_POINT);
    assertThat(engine.standingBets("m1"))
        .extracting(BetEngine.StandingBet::requestId)
        .containsExactly("early");
    assertThat(engine.market("m1").orElseThrow().totalStakes()).isEqualTo(1_000);
    assertThat(engine.lateBetScore("alice")).isEqualTo(1.0);
    assertRejected(
        bet("suspended", "bob", "yes", 1_000).setMediaTimeUs(9_000_000),
        BetRejectCode.BET_REJECT_CODE_MARKET_SUSPENDED);
    engine.reopen("m1");
    assertThat(
            engine
                .place(bet("again", "bob", "yes", 1_000).setMediaTimeUs(11_000_000).build(), 0)
                .stands())
        .isTrue();
    engine.close("m1", 12_000_000);
    assertRejected(
        bet("closed", "bob", "yes", 1_000).setMediaTimeUs(11_500_000),
        BetRejectCode.BET_REJECT_CODE_MARKET_CLOSED);
  }

  @Test
  void theLiabilityCapAndTheAccountsLimitsHold() {
    engine.open(
        "m2",
        "str_a",
        "EUR",
        List.of("a", "b"),
        new int[] {100_000, 11_000},
        new RiskLimits(10, 50_000, 100_000, 5, 10));
    // 50.00 on 10.0 costs the book 450.00 net if it wins: a third would pass the 1,000.00 cap.
    assertThat(
            engine
                .place(
                    bet("1", "u1", "a", 5_000)
                        .setMarketId("m2")
                        .setDecimalOddsBpSeen(100_000)
                        .build(),
                    0)
                .stands())
        .isTrue();
    assertThat(
            engine
                .place(
                    bet("2", "u2", "a", 5_000)
                        .setMarketId("m2")
                        .setDecimalOddsBpSeen(100_000)
                        .build(),
                    0)
                .stands())
        .isTrue();
    assertRejected(
        bet("3", "u3", "a", 5_000).setMarketId("m2").setDecimalOddsBpSeen(100_000),
        BetRejectCode.BET_REJECT_CODE_LIMIT_EXCEEDED);
    assertThat(engine.market("m2").orElseThrow().liabilityIfWins(0)).isLessThanOrEqualTo(100_000);

    engine.setAccountRisk("newbie", 0.1, 0, false);
    assertRejected(bet("4", "newbie", "yes", 5_001), BetRejectCode.BET_REJECT_CODE_LIMIT_EXCEEDED);
    engine.setAccountRisk("blocked", 1, 0, true);
    assertRejected(
        bet("5", "blocked", "yes", 1_000), BetRejectCode.BET_REJECT_CODE_ACCOUNT_BLOCKED);
  }

  @Test
  void anAccountOverItsRateWaitsForTheBucketToRefill() {
    for (int i = 0; i < 10; i++) {
      assertThat(engine.place(bet("b" + i, "fast", "yes", 100).build(), 0).stands()).isTrue();
    }
    assertRejected(bet("b10", "fast", "yes", 100), BetRejectCode.BET_REJECT_CODE_RATE_LIMITED);
    assertThat(engine.place(bet("b11", "fast", "yes", 100).build(), SECOND / 5 + 1).stands())
        .isTrue();
  }

  @Test
  void aDelayedBetIsConfirmedAfterItsDelayOrLapsesIfTheMarketSuspendsFirst() {
    engine.setAccountRisk("flagged", 1, 3_000_000, false);
    BetDecision first =
        engine.place(bet("d1", "flagged", "yes", 1_000).setMediaTimeUs(1_000_000).build(), 0);
    assertThat(first.status()).isEqualTo(BetStatus.BET_STATUS_PENDING);
    assertThat(engine.confirmPending("str_a", 3_000_000)).isEmpty();
    assertThat(engine.confirmPending("str_a", 4_000_000))
        .extracting(BetDecision::status)
        .containsExactly(BetStatus.BET_STATUS_ACCEPTED);

    engine.place(bet("d2", "flagged", "yes", 1_000).setMediaTimeUs(5_000_000).build(), 0);
    engine.suspend("m1", 6_000_000);
    assertThat(engine.confirmPending("str_a", 9_000_000))
        .extracting(BetDecision::status)
        .containsExactly(BetStatus.BET_STATUS_LAPSED);
    assertThat(engine.standingBets("m1"))
        .extracting(BetEngine.StandingBet::requestId)
        .containsExactly("d1");
  }

  @Test
  void aBettorCancelsAPendingBetButNotAnAcceptedOneNorSomeoneElses() {
    engine.setAccountRisk("flagged", 1, 3_000_000, false);
    long empty = engine.market("m1").orElseThrow().stateHash();
    BetDecision pending =
        engine.place(bet("c1", "flagged", "yes", 1_000).setMediaTimeUs(1_000_000).build(), 0);
    BetDecision accepted = engine.place(bet("c2", "alice", "yes", 1_000).build(), 0);

    assertThat(engine.cancel(pending.betId(), "alice").rejectCode())
        .as("another bettor's bet is not theirs to cancel")
        .isEqualTo(BetRejectCode.BET_REJECT_CODE_UNKNOWN_BET);
    assertThat(engine.cancel(accepted.betId(), "alice").rejectCode())
        .isEqualTo(BetRejectCode.BET_REJECT_CODE_NOT_CANCELLABLE);
    assertThat(engine.cancel("s1-99", "flagged").rejectCode())
        .isEqualTo(BetRejectCode.BET_REJECT_CODE_UNKNOWN_BET);
    assertThat(engine.hasPending()).isTrue();

    BetDecision cancelled = engine.cancel(pending.betId(), "flagged");

    assertThat(cancelled.status()).isEqualTo(BetStatus.BET_STATUS_CANCELLED);
    assertThat(cancelled.betId()).isEqualTo(pending.betId());
    assertThat(engine.hasPending()).isFalse();
    assertThat(engine.standingBets("m1"))
        .extracting(BetEngine.StandingBet::requestId)
        .containsExactly("c2");
    assertThat(engine.confirmPending("str_a", 9_000_000)).as("nothing left to confirm").isEmpty();
    assertThat(engine.cancel(pending.betId(), "flagged").rejectCode())
        .as("cancelled once")
        .isEqualTo(BetRejectCode.BET_REJECT_CODE_UNKNOWN_BET);
    engine.cancel(accepted.betId(), "alice");
    engine.release(accepted.betId());
    assertThat(engine.market("m1").orElseThrow().stateHash())
        .as("the cancelled stake left the market's exposure")
        .isEqualTo(empty);
  }

  @Test
  void settlingDecidesPendingBetsAsTheirFramesWouldHave() {
    engine.setAccountRisk("flagged", 1, 3_000_000, false);
    // Its delay runs out at 4 s, before the deciding moment at 6 s: it stood, and is settled.
    BetDecision early =
        engine.place(bet("e1", "flagged", "yes", 1_000).setMediaTimeUs(1_000_000).build(), 0);
    // Its delay would run out at 8 s, after the deciding moment: it never stood, and lapses.
    BetDecision late =
        engine.place(bet("e2", "flagged", "yes", 1_000).setMediaTimeUs(5_000_000).build(), 0);
    engine.close("m1", 6_000_000);

    Settlement settlement = engine.settle("m1");

    assertThat(settlement.settled())
        .extracting(BetEngine.StandingBet::betId)
        .containsExactly(early.betId());
    assertThat(settlement.lapsed()).extracting(BetDecision::betId).containsExactly(late.betId());
    assertThat(settlement.lapsed())
        .extracting(BetDecision::status)
        .containsExactly(BetStatus.BET_STATUS_LAPSED);
    assertThat(engine.hasPending()).isFalse();
  }

  @Test
  void anAccountsRiskViewShowsItsSettingsAndLateBets() {
    assertThat(engine.accountRisk("nobody")).isEqualTo(new AccountRiskView(1, 0, false, 0, 0, 0));
    engine.setAccountRisk("flagged", 0.25, 2_000_000, false);
    engine.place(bet("l1", "flagged", "yes", 100).setMediaTimeUs(1_000_000).build(), 0);

    AccountRiskView risk = engine.accountRisk("flagged");

    assertThat(risk.confidence()).isEqualTo(0.25);
    assertThat(risk.betDelayMicros()).isEqualTo(2_000_000);
    assertThat(risk.bets()).isEqualTo(1);
  }

  @Test
  void aBetWhosePictureIsPastTheDecidingMomentIsToldSoEvenOnceTheMarketClosed() {
    engine.suspend("m1", 10_000_000);
    assertRejected(
        bet("seen", "bob", "yes", 1_000).setMediaTimeUs(10_000_000),
        BetRejectCode.BET_REJECT_CODE_AFTER_SUSPENSION_POINT);
    assertRejected(
        bet("before", "bob", "yes", 1_000).setMediaTimeUs(9_999_999),
        BetRejectCode.BET_REJECT_CODE_MARKET_SUSPENDED);
    engine.close("m1", 10_000_000);
    assertRejected(
        bet("late", "bob", "yes", 1_000).setMediaTimeUs(10_500_000),
        BetRejectCode.BET_REJECT_CODE_AFTER_SUSPENSION_POINT);
    assertRejected(
        bet("early", "bob", "yes", 1_000).setMediaTimeUs(9_000_000),
        BetRejectCode.BET_REJECT_CODE_MARKET_CLOSED);
  }

  private void assertRejected(PlaceBet.Builder bet, BetRejectCode code) {
    BetDecision decision = engine.place(bet.build(), 0);
    assertThat(decision.status()).isEqualTo(BetStatus.BET_STATUS_REJECTED);
    assertThat(decision.rejectCode()).isEqualTo(code);
    assertThat(decision.detail()).isNotBlank();
  }

  static PlaceBet.Builder bet(String request, String account, String selection, long stake) {
    return PlaceBet.newBuilder()
        .setRequestId(request)
        .setAccountId(account)
        .setMarketId("m1")
        .setSelectionId(selection)
        .setStakeMinor(stake)
        .setCurrency("EUR")
        .setPriceVersionSeen(1)
        .setDecimalOddsBpSeen(selection.equals("no") ? 15_000 : 25_000)
        .setMediaTimeUs(1_000_000);
  }
}
