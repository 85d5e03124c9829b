package dev.slipstream.markets.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.ledger.Hold;
import dev.slipstream.ledger.HoldRequest;
import dev.slipstream.ledger.HoldState;
import dev.slipstream.ledger.TransferKind;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The shard's floats on their own: what a float covers, the order waiting stakes are covered in,
 * and that no float is given back while a stake drawn from it is still on its way to the ledger.
 */
class ShardFloatsTest {
  private static final long WALLET = 7;
  private static final long SECOND = 1_000_000_000L;

  private final ShardFloats floats = new ShardFloats();

  @Test
  void aFloatCoversStakesUntilItRunsLowAndThenOut() {
    floats.added(floatHold(1, 1_000), 0);

    ShardFloats.Float f = floats.spend(WALLET, 700, 1);
    assertThat(f).isNotNull();
    assertThat(f.low()).as("300 of 1,000 left: under a quarter? no").isFalse();
    assertThat(floats.spend(WALLET, 100, 2).low()).as("200 left: under a quarter").isTrue();
    assertThat(floats.spend(WALLET, 300, 3)).as("more than is left").isNull();
    assertThat(floats.spend(WALLET + 1, 10, 3)).as("another wallet has no float").isNull();
  }

  @Test
  void waitingStakesAreCoveredInTheirOrderAndNoLaterStakeJumpsTheQueue() {
    floats.park(waiting(500));
    floats.park(waiting(100));

    assertThat(floats.spend(WALLET, 100, 0))
        .as("a stake behind a waiting one waits too, even once a float is there")
        .isNull();
    floats.added(floatHold(1, 550), 1);
    ShardFloats.Covered first = floats.coverFirstWaiting(WALLET, 2);
    assertThat(first.bet().stake().amount()).isEqualTo(500);
    assertThat(floats.coverFirstWaiting(WALLET, 3)).as("50 left, 100 wanted").isNull();
    assertThat(floats.firstWaiting(WALLET).stake().amount()).isEqualTo(100);
  }

  @Test
  void aReplacedFloatGoesBackOnlyOnceEveryStakeDrawnFromItIsDrained() {
    floats.added(floatHold(1, 1_000), 0);
    floats.spend(WALLET, 400, 1);
    floats.spend(WALLET, 400, 2);

    assertThat(floats.added(floatHold(2, 1_000), 3))
        .as("two draws of float 1 not drained yet: it stays held")
        .isNull();
    assertThat(floats.drained(1, 1)).isNull();
    ShardFloats.Float given = floats.drained(1, 1);
    assertThat(given).isNotNull();
    assertThat(given.holdId).isEqualTo(1);
    assertThat(floats.held()).as("only float 2 now").isEqualTo(1);
  }

  @Test
  void idleOrOldFloatsRetireButAWalletWithWaitingStakesKeepsItsFloat() {
    floats.added(floatHold(1, 1_000), 0);
    floats.added(floatHold(2, 1_000, WALLET + 1), 0);
    floats.spend(WALLET + 1, 10, 20 * SECOND);
    floats.drained(2, 1);

    assertThat(floats.retireIdleOrOld(10 * SECOND, -SECOND))
        .as("wallet 7's float unused since the cut-off; wallet 8's used after it")
        .extracting(f -> f.holdId)
        .containsExactly(1L);
    assertThat(floats.retireIdleOrOld(0, 3_601 * SECOND))
        .as("made more than an hour before")
        .extracting(f -> f.holdId)
        .containsExactly(2L);
  }

  private static ShardFloats.Waiting waiting(long amount) {
    return new ShardFloats.Waiting(
        new HoldRequest(
            UUID.randomUUID(),
            WALLET,
            1,
            amount,
            "EUR",
            TransferKind.STAKE,
            Duration.ofDays(1),
            "bet:b"),
        StakeEntry.open());
  }

  private static Hold floatHold(long id, long amount) {
    return floatHold(id, amount, WALLET);
  }

  private static Hold floatHold(long id, long amount, long wallet) {
    Instant now = Instant.EPOCH;
    return new Hold(
        id,
        UUID.randomUUID(),
        wallet,
        1,
        amount,
        "EUR",
        TransferKind.BET_FLOAT,
        HoldState.PENDING,
        0,
        now.plus(Duration.ofDays(1)),
        now,
        null,
        "float:test");
  }
}
