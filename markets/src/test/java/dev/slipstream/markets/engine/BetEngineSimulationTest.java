package dev.slipstream.markets.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.wire.v1.PlaceBet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A seeded simulation of a busy shard: thousands of random bets (good and bad), price moves,
 * suspensions at media times the bettors may already have passed, reopenings, closes, settlements
 * and crashes (the engine rebuilt from the command log's prefix). After every step: no standing bet
 * was placed at or after its market's suspension point, no selection's liability is above the cap,
 * the stakes the book holds are the stakes of its standing bets, and a rebuilt engine has the same
 * state hash. Some bets are sent again under their request id (a retry gets its first answer and
 * changes nothing; other contents under the same id are refused as a conflict), and some standing
 * bets are taken back as if the ledger could not hold their stake (their retry gets that refusal).
 */
class BetEngineSimulationTest {
  /** A request as first sent and what it was answered: the test's own model of the engine's. */
  private record FirstAnswer(PlaceBet bet, BetDecision decision) {}

  @Test
  void invariantsHoldAtEveryStepAndTheLogReplaysToTheSameState() {
    int struck = 0;
    for (long seed = 1; seed <= 5; seed++) {
      struck += simulate(new SplittableRandom(seed), 4_000);
    }
    assertThat(struck).as("the runs include bets struck by suspensions").isPositive();
  }

  /** Runs one simulation; returns how many bets suspensions struck off. */
  private int simulate(SplittableRandom random, int steps) {
    BetEngine engine = new BetEngine("sim");
    List<EngineCommand> log = new ArrayList<>();
    RiskLimits limits = new RiskLimits(10, 20_000, 300_000, 50, 20);
    List<String> markets = new ArrayList<>();
    long mediaTime = 0;
    long nanos = 0;
    int accepted = 0;
    int struck = 0;
    List<PlaceBet> sent = new ArrayList<>();
    Map<String, FirstAnswer> firstAnswers = new HashMap<>();
    for (int step = 0; step < steps; step++) {
      mediaTime += random.nextLong(0, 70_000);
      nanos += random.nextLong(0, 20_000_000);
      EngineCommand command;
      int roll = random.nextInt(100);
      if (markets.isEmpty() || roll < 3) {
        String id = "m" + markets.size();
        markets.add(id);
        command =
            new EngineCommand.Open(
                id, "str", "EUR", List.of("yes", "no"), new int[] {20_000, 18_000}, limits);
      } else {
        String market = markets.get(random.nextInt(markets.size()));
        MarketBook book = engine.market(market).orElseThrow();
        if (roll < 80 && !sent.isEmpty() && random.nextInt(12) == 0) {
          PlaceBet earlier = sent.get(random.nextInt(sent.size()));
          PlaceBet retry =
              random.nextInt(4) == 0
                  ? earlier.toBuilder().setStakeMinor(earlier.getStakeMinor() + 1).build()
                  : earlier;
          long before = engine.stateHash();
          BetDecision answer = engine.place(retry, nanos);
          FirstAnswer first = firstAnswers.get(key(retry));
          if (first != null && !retry.equals(first.bet())) {
            assertThat(answer.rejectCode())
                .isEqualTo(
                    dev.slipstream.wire.v1.BetRejectCode.BET_REJECT_CODE_IDEMPOTENCY_CONFLICT);
          } else if (first != null) {
            assertThat(answer).as("a retry gets its first answer").isEqualTo(first.decision());
          }
          if (first != null) {
            assertThat(engine.stateHash()).as("a retry changes nothing").isEqualTo(before);
            continue;
          }
          // Its first answer decided nothing (rate limited): this copy is a new request.
          command = new EngineCommand.Place(retry, nanos);
        } else if (roll < 80) {
          PlaceBet bet = randomBet(random, book, step, mediaTime);
          sent.add(bet);
          command = new EngineCommand.Place(bet, nanos);
        } else if (roll < 81 && !engine.standingBets(market).isEmpty()) {
          BetEngine.StandingBet unheld = engine.standingBets(market).getFirst();
          command =
              new EngineCommand.Release(
                  unheld.betId(),
                  dev.slipstream.wire.v1.BetRejectCode.BET_REJECT_CODE_INSUFFICIENT_FUNDS,
                  "the wallet ran dry");
          String unheldKey = unheld.accountId() + "/" + unheld.requestId();
          firstAnswers.put(
              unheldKey,
              new FirstAnswer(
                  firstAnswers.get(unheldKey).bet(),
                  BetDecision.rejectedFor(
                      unheld.requestId(),
                      dev.slipstream.wire.v1.BetRejectCode.BET_REJECT_CODE_INSUFFICIENT_FUNDS,
                      "the wallet ran dry")));
        } else if (roll < 87) {
          int yes = 11_000 + random.nextInt(40_000);
          command =
              new EngineCommand.Reprice(market, new int[] {yes, 11_000 + random.nextInt(40_000)});
        } else if (roll < 91 && book.status() == MarketStatus.OPEN) {
          // The deciding moment may lie a little in the bettors' past.
          command = new EngineCommand.Suspend(market, mediaTime - random.nextLong(0, 500_000));
        } else if (roll < 93 && book.status() == MarketStatus.SUSPENDED) {
          command = new EngineCommand.Reopen(market);
        } else if (roll < 95
            && (book.status() == MarketStatus.OPEN || book.status() == MarketStatus.SUSPENDED)) {
          command = new EngineCommand.Close(market, mediaTime);
        } else if (roll < 97 && book.status() == MarketStatus.CLOSED) {
          command =
              random.nextBoolean()
                  ? new EngineCommand.Settle(market, random.nextInt(2))
                  : new EngineCommand.Void(market);
        } else if (roll < 98) {
          command =
              new EngineCommand.SetAccountRisk(
                  "acct" + random.nextInt(8),
                  random.nextDouble(),
                  random.nextInt(3) * 1_000_000L,
                  random.nextInt(10) == 0);
        } else {
          command = new EngineCommand.ConfirmPending("str", mediaTime);
        }
      }
      List<BetDecision> decisions = EngineCommand.apply(engine, command);
      if (command instanceof EngineCommand.Place place
          && decisions.getFirst().rejectCode()
              != dev.slipstream.wire.v1.BetRejectCode.BET_REJECT_CODE_RATE_LIMITED) {
        firstAnswers.put(key(place.bet()), new FirstAnswer(place.bet(), decisions.getFirst()));
      }
      for (BetDecision decision : decisions) {
        if (decision.stands()) {
          accepted++;
        } else if (decision.rejectCode()
            == dev.slipstream.wire.v1.BetRejectCode.BET_REJECT_CODE_AFTER_SUSPENSION_POINT) {
          struck++;
        }
      }
      log.add(command);
      checkInvariants(engine, markets, limits);
      if (random.nextInt(200) == 0) {
        // A crash: a fresh engine rebuilt from the log has exactly the same state.
        BetEngine rebuilt = new BetEngine("sim");
        log.forEach(c -> EngineCommand.apply(rebuilt, c));
        assertThat(rebuilt.stateHash())
            .as("rebuilt after %d commands", log.size())
            .isEqualTo(engine.stateHash());
      }
    }
    // One bet step in twelve is a retry, which places nothing new.
    assertThat(accepted).as("the simulation exercises accepted bets").isGreaterThan(steps / 12);
    BetEngine replayed = new BetEngine("sim");
    log.forEach(c -> EngineCommand.apply(replayed, c));
    assertThat(replayed.stateHash()).isEqualTo(engine.stateHash());
    return struck;
  }

  private static String key(PlaceBet bet) {
    return bet.getAccountId() + "/" + bet.getRequestId();
  }

  private static PlaceBet randomBet(
      SplittableRandom random, MarketBook book, int step, long mediaTime) {
    int selection = random.nextInt(2);
    boolean stale = random.nextInt(10) == 0;
    long stake =
        switch (random.nextInt(20)) {
          case 0 -> 0;
          case 1 -> -random.nextLong(1, 1_000);
          case 2 -> random.nextLong(20_001, Long.MAX_VALUE / 2);
          default -> random.nextLong(10, 20_000);
        };
    return PlaceBet.newBuilder()
        .setRequestId("r" + step)
        .setAccountId("acct" + random.nextInt(8))
        .setMarketId(book.marketId())
        .setSelectionId(random.nextInt(30) == 0 ? "other" : book.selectionIds().get(selection))
        .setStakeMinor(stake)
        .setCurrency(random.nextInt(40) == 0 ? "GBP" : "EUR")
        .setPriceVersionSeen(stale ? book.priceVersion() - 1 : book.priceVersion())
        .setDecimalOddsBpSeen(book.oddsBp(selection))
        .setAcceptBetterOdds(random.nextBoolean())
        // Bettors watch a little behind the live edge, sometimes further.
        .setMediaTimeUs(mediaTime - random.nextLong(0, 400_000))
        .build();
  }

  private static void checkInvariants(BetEngine engine, List<String> markets, RiskLimits limits) {
    for (String market : markets) {
      MarketBook book = engine.market(market).orElseThrow();
      List<BetEngine.StandingBet> standing = engine.standingBets(market);
      for (BetEngine.StandingBet bet : standing) {
        assertThat(bet.mediaTimeUs())
            .as("no bet stands at or after the suspension point")
            .isLessThan(book.refuseFromMediaTimeUs());
      }
      if (book.status() == MarketStatus.SETTLED || book.status() == MarketStatus.VOID) {
        assertThat(standing).isEmpty();
        continue;
      }
      for (int s = 0; s < book.selectionIds().size(); s++) {
        assertThat(book.liabilityIfWins(s))
            .as("exposure within the cap")
            .isLessThanOrEqualTo(limits.liabilityCapMinor());
      }
      long stakes = standing.stream().mapToLong(BetEngine.StandingBet::stakeMinor).sum();
      assertThat(book.totalStakes()).as("money conserved").isEqualTo(stakes);
    }
  }
}
