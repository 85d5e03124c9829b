package dev.slipstream.markets.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.ledger.limits.LimitKind;
import dev.slipstream.ledger.limits.LimitPeriod;
import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.markets.engine.RiskLimits;
import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.PlaceBet;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Responsible-gambling limits enforced at bet acceptance, on the real shard and ledger. */
class BetLimitsIT {
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
                new int[] {20_000, 20_000},
                RiskLimits.DEFAULTS))
        .join();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aStakeOverTheDailyLimitIsRefusedAndHoldsNothing() {
    fixture.limits.set(
        fixture.alice.id(), LimitKind.STAKE, LimitPeriod.DAY, OptionalLong.of(1_500));

    BetResult first = place("r1", fixture.alice.id(), 1_000);
    BetResult second = place("r2", fixture.alice.id(), 1_000);

    assertThat(first.getStatus()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    assertThat(second.getStatus()).isEqualTo(BetStatus.BET_STATUS_REJECTED);
    assertThat(second.getRejectCode()).isEqualTo(BetRejectCode.BET_REJECT_CODE_LIMIT_EXCEEDED);
    assertThat(second.getRejectDetail()).contains("daily stake limit is 15.00; 5.00 is left");
    assertThat(fixture.ledger.account(fixture.alice.id()).held()).isEqualTo(1_000);
    ShardFixture.await(() -> fixture.reconcile().clean(), "books clean, no stray hold");
  }

  @Test
  void concurrentStakesCannotBothSlipUnderTheSameLimit() {
    fixture.limits.set(
        fixture.alice.id(), LimitKind.STAKE, LimitPeriod.DAY, OptionalLong.of(5_000));
    List<CompletableFuture<BetResult>> bets =
        java.util.stream.IntStream.range(0, 20)
            .mapToObj(i -> fixture.shard.place(bet("c" + i, fixture.alice.id(), 1_000)))
            .toList();
    long accepted =
        bets.stream()
            .map(CompletableFuture::join)
            .filter(r -> r.getStatus() == BetStatus.BET_STATUS_ACCEPTED)
            .count();

    assertThat(accepted).isEqualTo(5);
    assertThat(fixture.ledger.account(fixture.alice.id()).held()).isEqualTo(5_000);
  }

  @Test
  void anExcludedPlayerCannotBet() {
    fixture.limits.selfExclude(fixture.bob.id(), null);

    BetResult refused = place("r1", fixture.bob.id(), 100);

    assertThat(refused.getRejectCode()).isEqualTo(BetRejectCode.BET_REJECT_CODE_ACCOUNT_BLOCKED);
    assertThat(refused.getRejectDetail()).contains("excluded yourself for good");
    assertThat(fixture.ledger.account(fixture.bob.id()).held()).isZero();
  }

  private BetResult place(String request, long wallet, long stake) {
    return fixture.shard.place(bet(request, wallet, stake)).join();
  }

  private static PlaceBet bet(String request, long wallet, long stake) {
    return PlaceBet.newBuilder()
        .setRequestId(request)
        .setAccountId(Long.toString(wallet))
        .setMarketId("m1")
        .setSelectionId("yes")
        .setStakeMinor(stake)
        .setCurrency("EUR")
        .setPriceVersionSeen(1)
        .setDecimalOddsBpSeen(20_000)
        .setMediaTimeUs(1_000_000)
        .build();
  }
}
