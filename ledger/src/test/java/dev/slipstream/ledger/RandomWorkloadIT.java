package dev.slipstream.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.ledger.spi.HoldBacking;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.state.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Seeded random workloads, submitted in bursts so the writer batches them, checked request by
 * request against {@link ReferenceLedger}: every outcome and every balance must match, and the
 * books must reconcile after every burst. The writer decides in queue order, so one submitting
 * thread gives the reference the same order.
 */
class RandomWorkloadIT {
  private static final int BURSTS = 25;
  private static final int BURST_SIZE = 300;

  @Test
  void randomBurstsMatchTheReferenceLedgerAndKeepTheBooksBalanced() {
    for (long seed : new long[] {1, 2}) {
      run(seed);
    }
  }

  private void run(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    SettableClock clock = new SettableClock(Instant.parse("2026-11-24T10:00:00Z"));
    Database db = LedgerSchema.fresh();
    ReferenceLedger reference = new ReferenceLedger();
    try (Ledger ledger =
        Ledger.postgres(
            db.dataSource(), clock, new LedgerSettings(64, 10_000, Duration.ZERO), null)) {
      Workload w = new Workload(ledger, reference, random);
      Reconciliation reconciliation =
          Reconciliation.postgres(db.dataSource(), clock, HoldBacking.unchecked(), null);
      for (int burst = 0; burst < BURSTS; burst++) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < BURST_SIZE; i++) {
          steps.add(w.next());
        }
        Instant now = clock.instant();
        for (Step step : steps) {
          Outcome<?> actual = step.result().join();
          Rejection expected = step.check().apply(actual, now);
          assertThat(actual instanceof Outcome.Refused<?> r ? r.reason() : null)
              .as("seed %d burst %d: %s", seed, burst, step.description())
              .isEqualTo(expected);
        }
        for (var entry : reference.accounts.entrySet()) {
          Account account = ledger.account(entry.getKey());
          assertThat(account.balance())
              .as("balance of %d", account.id())
              .isEqualTo(entry.getValue().balance);
          assertThat(account.held())
              .as("held of %d", account.id())
              .isEqualTo(entry.getValue().held);
        }
        assertThat(reconciliation.run().discrepancies()).isEmpty();
        clock.advance(Duration.ofSeconds(random.nextInt(20)));
        if (burst % 2 == 0) {
          // every other burst, posts meet holds past their timeout that are not yet swept
          assertThat(ledger.expireDueHolds()).isEqualTo(reference.expire(clock.instant()));
        }
      }
      assertThat(ledger.writerStats().batches()).isLessThan((long) BURSTS * BURST_SIZE / 4);
    }
  }

  /**
   * One submitted request: its future, and how to check its outcome against the reference once
   * every request before it has been checked.
   */
  private record Step(
      String description,
      CompletableFuture<? extends Outcome<?>> result,
      java.util.function.BiFunction<Outcome<?>, Instant, Rejection> check) {}

  private static final class Workload {
    private final Ledger ledger;
    private final ReferenceLedger reference;
    private final SplittableRandom random;
    private final List<Account> euros = new ArrayList<>();
    private final List<Account> pounds = new ArrayList<>();
    private final Account[] clearing = new Account[2];
    private final Account[] escrow = new Account[2];
    private final List<Long> holdIds = new ArrayList<>();
    private final List<TransferRequest> sent = new ArrayList<>();

    Workload(Ledger ledger, ReferenceLedger reference, SplittableRandom random) {
      this.ledger = ledger;
      this.reference = reference;
      this.random = random;
      String[] currencies = {"EUR", "GBP"};
      for (int c = 0; c < 2; c++) {
        clearing[c] = open(AccountKind.PAYMENT_CLEARING, "psp", currencies[c]);
        escrow[c] = open(AccountKind.BET_ESCROW, "mkt", currencies[c]);
      }
      for (int i = 0; i < 20; i++) {
        euros.add(open(AccountKind.PLAYER_WALLET, "p" + i, "EUR"));
      }
      for (int i = 0; i < 8; i++) {
        pounds.add(open(AccountKind.PLAYER_WALLET, "p" + i, "GBP"));
      }
    }

    private Account open(AccountKind kind, String owner, String currency) {
      Account account = ledger.openAccount(kind, owner, currency);
      reference.open(account);
      return account;
    }

    Step next() {
      int roll = random.nextInt(100);
      int c = random.nextInt(4) == 0 ? 1 : 0;
      String currency = c == 0 ? "EUR" : "GBP";
      List<Account> wallets = c == 0 ? euros : pounds;
      if (roll < 12) {
        return transfer(
            TransferRequest.of(
                UUID.randomUUID(),
                clearing[c].id(),
                pick(wallets).id(),
                1 + random.nextInt(5_000),
                currency,
                TransferKind.DEPOSIT));
      }
      if (roll < 45) {
        Account from = pick(wallets);
        Account to = pick(random.nextInt(20) == 0 ? (c == 0 ? pounds : euros) : wallets);
        long toId = random.nextInt(40) == 0 ? 9_999_999 : to.id();
        if (toId == from.id()) {
          toId = clearing[c].id();
        }
        return transfer(
            TransferRequest.of(
                UUID.randomUUID(),
                from.id(),
                toId,
                1 + random.nextInt(3_000),
                currency,
                TransferKind.TRANSFER));
      }
      if (roll < 50 && !sent.isEmpty()) {
        TransferRequest earlier = sent.get(random.nextInt(sent.size()));
        TransferRequest again =
            random.nextBoolean()
                ? earlier
                : new TransferRequest(
                    earlier.idempotencyId(),
                    earlier.debitAccountId(),
                    earlier.creditAccountId(),
                    earlier.amount() + 1,
                    earlier.currency(),
                    earlier.kind(),
                    earlier.metadata());
        return transfer(again);
      }
      if (roll < 72) {
        HoldRequest request =
            new HoldRequest(
                UUID.randomUUID(),
                pick(wallets).id(),
                escrow[c].id(),
                1 + random.nextInt(2_000),
                currency,
                TransferKind.STAKE,
                Duration.ofSeconds(5 + random.nextInt(60)),
                null);
        return new Step(
            request.toString(),
            ledger.submitHold(request),
            (outcome, now) -> {
              long id = outcome instanceof Outcome.Done<?> d ? ((Hold) d.value()).id() : -1;
              if (id > 0) {
                holdIds.add(id);
              }
              return reference.hold(request, id, now);
            });
      }
      if (roll < 90 && !holdIds.isEmpty()) {
        long holdId = holdIds.get(random.nextInt(holdIds.size()));
        OptionalLong amount =
            random.nextBoolean()
                ? OptionalLong.empty()
                : OptionalLong.of(1 + random.nextInt(1_500));
        PostRequest request = new PostRequest(UUID.randomUUID(), holdId, amount);
        return new Step(
            request.toString(),
            ledger.submitPost(request),
            (outcome, now) -> reference.post(request, now));
      }
      long holdId = holdIds.isEmpty() ? 12_345 : holdIds.get(random.nextInt(holdIds.size()));
      return new Step(
          "void " + holdId,
          ledger.submitVoid(holdId),
          (outcome, now) -> reference.voidHold(holdId));
    }

    private Step transfer(TransferRequest request) {
      sent.add(request);
      return new Step(
          request.toString(),
          ledger.submit(request),
          (outcome, now) -> reference.transfer(request));
    }

    private Account pick(List<Account> accounts) {
      return accounts.get(random.nextInt(accounts.size()));
    }
  }
}
