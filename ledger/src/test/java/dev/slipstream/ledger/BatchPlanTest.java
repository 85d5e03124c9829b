package dev.slipstream.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The writer's decisions within one batch, without a database. */
class BatchPlanTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final long ALICE = 1;
  private static final long BOB = 2;
  private static final long ESCROW = 3;

  private final Map<Long, WorkingAccount> accounts = new HashMap<>();
  private final Map<Long, Hold> holds = new HashMap<>();

  BatchPlanTest() {
    accounts.put(ALICE, new WorkingAccount(ALICE, "EUR", false, 100, 0, 1, null));
    accounts.put(BOB, new WorkingAccount(BOB, "EUR", false, 0, 0, 0, null));
    accounts.put(ESCROW, new WorkingAccount(ESCROW, "EUR", false, 0, 0, 0, null));
  }

  @Test
  void aRefusedTransferInTheMiddleOfABatchLeavesTheOthersAsIfAlone() {
    var first = move(ALICE, BOB, 60);
    var tooMuch = move(ALICE, BOB, 60);
    var rest = move(ALICE, BOB, 40);

    BatchPlan plan = decide(first, tooMuch, rest);

    assertThat(first.result().join()).isInstanceOf(Outcome.Done.class);
    assertThat(tooMuch.result().join())
        .isEqualTo(
            new Outcome.Refused<>(
                Rejection.INSUFFICIENT_FUNDS,
                "account 1 has 40 EUR minor units available and cannot pay 60"));
    assertThat(rest.result().join()).isInstanceOf(Outcome.Done.class);
    assertThat(plan.newTransfers).hasSize(2);
    assertThat(accounts.get(ALICE).balance).isZero();
    assertThat(accounts.get(ALICE).version).isEqualTo(3);
    assertThat(accounts.get(BOB).balance).isEqualTo(100);
  }

  @Test
  void theSameIdempotencyIdTwiceInOneBatchAppliesOnceAndADifferentRequestUnderItIsRefused() {
    var first = move(ALICE, BOB, 10);
    var repeat = new Command.Move(first.request(), new CompletableFuture<>());
    var different =
        new Command.Move(
            TransferRequest.of(
                first.request().idempotencyId(), ALICE, BOB, 11, "EUR", TransferKind.TRANSFER),
            new CompletableFuture<>());

    BatchPlan plan = decide(first, repeat, different);

    Transfer applied = ((Outcome.Done<Transfer>) first.result().join()).value();
    assertThat(repeat.result().join()).isEqualTo(new Outcome.Done<>(applied, true));
    assertThat(((Outcome.Refused<Transfer>) different.result().join()).reason())
        .isEqualTo(Rejection.IDEMPOTENCY_CONFLICT);
    assertThat(plan.newTransfers).hasSize(1);
    assertThat(accounts.get(ALICE).balance).isEqualTo(90);
  }

  @Test
  void aHoldReservesMoneyForTheRestOfTheBatch() {
    var stake =
        new Command.Reserve(
            new HoldRequest(
                UUID.randomUUID(),
                ALICE,
                ESCROW,
                80,
                "EUR",
                TransferKind.STAKE,
                Duration.ofSeconds(30),
                null),
            new CompletableFuture<>());
    var transfer = move(ALICE, BOB, 30);

    decide(stake, transfer);

    assertThat(((Outcome.Refused<Transfer>) transfer.result().join()).reason())
        .isEqualTo(Rejection.INSUFFICIENT_FUNDS);
    assertThat(accounts.get(ALICE).held).isEqualTo(80);
    assertThat(accounts.get(ALICE).balance).isEqualTo(100);
  }

  @Test
  void aPartialPostMovesPartReleasesAllAndASecondPostIsRefused() {
    accounts.get(ALICE).held = 50;
    holds.put(7L, pendingHold(7, 50, NOW.plusSeconds(30)));
    var post =
        new Command.Post(PostRequest.partial(UUID.randomUUID(), 7, 20), new CompletableFuture<>());
    var again = new Command.Post(PostRequest.full(UUID.randomUUID(), 7), new CompletableFuture<>());

    BatchPlan plan = decide(post, again);

    assertThat(((Outcome.Done<Transfer>) post.result().join()).value().amount()).isEqualTo(20);
    assertThat(((Outcome.Refused<Transfer>) again.result().join()).reason())
        .isEqualTo(Rejection.HOLD_NOT_PENDING);
    assertThat(plan.resolvedHolds)
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.state()).isEqualTo(HoldState.POSTED);
              assertThat(h.postedAmount()).isEqualTo(20);
            });
    assertThat(accounts.get(ALICE).balance).isEqualTo(80);
    assertThat(accounts.get(ALICE).held).isZero();
    assertThat(accounts.get(ESCROW).balance).isEqualTo(20);
  }

  @Test
  void theSweeperCannotExpireAHoldBeforeItsTimeout() {
    accounts.get(ALICE).held = 50;
    holds.put(7L, pendingHold(7, 50, NOW.plusSeconds(1)));
    var expire = new Command.Release(7, HoldState.EXPIRED, new CompletableFuture<>());

    decide(expire);

    assertThat(((Outcome.Refused<Hold>) expire.result().join()).reason())
        .isEqualTo(Rejection.HOLD_NOT_PENDING);
    assertThat(accounts.get(ALICE).held).isEqualTo(50);
  }

  private BatchPlan decide(Command... commands) {
    BatchPlan plan = new BatchPlan(NOW, accounts, Map.of(), Map.of(), holds);
    List.of(commands).forEach(plan::decide);
    long id = 100;
    for (BatchPlan.TransferDraft draft : plan.newTransfers) {
      draft.id = id++;
    }
    plan.completions.forEach(Runnable::run);
    return plan;
  }

  private static Command.Move move(long from, long to, long amount) {
    return new Command.Move(
        TransferRequest.of(UUID.randomUUID(), from, to, amount, "EUR", TransferKind.TRANSFER),
        new CompletableFuture<>());
  }

  private static Hold pendingHold(long id, long amount, Instant expiresAt) {
    return new Hold(
        id,
        UUID.randomUUID(),
        ALICE,
        ESCROW,
        amount,
        "EUR",
        TransferKind.STAKE,
        HoldState.PENDING,
        0,
        expiresAt,
        NOW.minusSeconds(5),
        null,
        null);
  }
}
