package dev.slipstream.markets.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.markets.engine.RiskLimits;
import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.PlaceBet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A command the shard cannot process is answered, never left waiting: a bet staked from the house
 * account itself (its hold would move money from an account to itself, which the ledger refuses
 * before any hold is made) gets {@code UNAVAILABLE}, leaves no exposure, and the shard goes on
 * taking bets, also after a restart from its journal.
 */
class ShardFailureIT {
  private ShardFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new ShardFixture();
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
  void aBetWhoseProcessingThrowsIsAnsweredUnavailableAndTheShardCarriesOn() throws Exception {
    long before = fixture.shard.stateHash();
    CompletableFuture<BetResult> broken = fixture.shard.place(bet("r1", fixture.house.id(), 1_000));

    BetResult answer = broken.get(30, TimeUnit.SECONDS);
    assertThat(answer.getStatus()).isEqualTo(BetStatus.BET_STATUS_REJECTED);
    assertThat(answer.getRejectCode()).isEqualTo(BetRejectCode.BET_REJECT_CODE_UNAVAILABLE);
    assertThat(answer.getRequestId()).isEqualTo("r1");
    ShardFixture.await(
        () -> fixture.shard.stateHash() == before, "the broken bet's exposure given back");

    BetResult next =
        fixture.shard.place(bet("r2", fixture.alice.id(), 1_000)).get(30, TimeUnit.SECONDS);
    assertThat(next.getStatus()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    long standing = fixture.shard.stateHash();
    assertThat(fixture.restart().stateHash())
        .as("the journal replays to the same state")
        .isEqualTo(standing);
    assertThat(fixture.reconcile().clean()).isTrue();
  }

  private static PlaceBet bet(String request, long account, long stake) {
    return PlaceBet.newBuilder()
        .setRequestId(request)
        .setAccountId(Long.toString(account))
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
