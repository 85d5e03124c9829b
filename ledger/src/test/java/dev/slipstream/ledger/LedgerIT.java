package dev.slipstream.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.ledger.spi.HoldBacking;
import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.state.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerIT {
  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T10:00:00Z"));
  private Database db;
  private Ledger ledger;
  private Account clearing;
  private Account alice;
  private Account bob;
  private Account escrow;

  @BeforeEach
  void openLedger() {
    db = LedgerSchema.fresh();
    ledger =
        Ledger.postgres(db.dataSource(), clock, LedgerSettings.defaults().withoutSweeper(), null);
    clearing = ledger.openAccount(AccountKind.PAYMENT_CLEARING, "psp", "EUR");
    alice = ledger.openAccount(AccountKind.PLAYER_WALLET, "alice", "EUR");
    bob = ledger.openAccount(AccountKind.PLAYER_WALLET, "bob", "EUR");
    escrow = ledger.openAccount(AccountKind.BET_ESCROW, "mkt_1", "EUR");
    deposit(alice, 10_000);
  }

  @AfterEach
  void closeLedger() {
    ledger.close();
  }

  @Test
  void aTransferMovesMoneyBetweenTwoAccountsAndTheBooksBalance() {
    Transfer t = ledger.transfer(request(alice, bob, 2_500));

    assertThat(t.amount()).isEqualTo(2_500);
    assertThat(t.createdAt()).isEqualTo(clock.instant());
    assertThat(ledger.account(alice.id()).balance()).isEqualTo(7_500);
    assertThat(ledger.account(bob.id()).balance()).isEqualTo(2_500);
    assertThat(ledger.account(bob.id()).lastTransferId()).isEqualTo(t.id());
    assertThat(ledger.account(clearing.id()).balance()).isEqualTo(-10_000);
    assertThat(reconcile().clean()).isTrue();
  }

  @Test
  void openingAnAccountTwiceReturnsTheSameAccount() {
    Account again = ledger.openAccount(AccountKind.PLAYER_WALLET, "alice", "EUR");

    assertThat(again.id()).isEqualTo(alice.id());
    assertThat(again.balance()).isEqualTo(10_000);
    assertThat(clearing.allowNegative()).isTrue();
    assertThat(alice.allowNegative()).isFalse();
  }

  @Test
  void replayingATransferReturnsTheOriginalAndMovesMoneyOnce() {
    TransferRequest request = request(alice, bob, 1_000);
    Transfer first = ledger.transfer(request);
    clock.advance(Duration.ofMinutes(5));

    Outcome<Transfer> again = ledger.submit(request).join();

    assertThat(again).isEqualTo(new Outcome.Done<>(first, true));
    assertThat(ledger.account(alice.id()).balance()).isEqualTo(9_000);
    assertThat(ledger.account(bob.id()).balance()).isEqualTo(1_000);
  }

  @Test
  void reusingAnIdempotencyIdForADifferentTransferIsAConflictAndChangesNothing() {
    TransferRequest request = request(alice, bob, 1_000);
    ledger.transfer(request);
    Account aliceBefore = ledger.account(alice.id());
    TransferRequest different =
        TransferRequest.of(
            request.idempotencyId(), alice.id(), bob.id(), 1_001, "EUR", TransferKind.TRANSFER);

    assertRefused(() -> ledger.transfer(different), ConflictException.class, "idempotency_conflict")
        .hasMessage(
            "idempotency id "
                + request.idempotencyId()
                + " was already used for a different request; nothing was changed");
    assertThat(ledger.account(alice.id())).isEqualTo(aliceBefore);
  }

  @Test
  void eachBadTransferGetsItsOwnErrorAndChangesNothing() {
    Account pounds = ledger.openAccount(AccountKind.PLAYER_WALLET, "carol", "GBP");
    long transfersBefore = transferCount();
    Account aliceBefore = ledger.account(alice.id());

    assertRefused(
            () -> ledger.transfer(request(alice, bob, 10_001)),
            ConflictException.class,
            "insufficient_funds")
        .hasMessage(
            "account " + alice.id() + " has 10000 EUR minor units available and cannot pay 10001");
    assertRefused(
            () ->
                ledger.transfer(
                    TransferRequest.of(
                        UUID.randomUUID(), alice.id(), 999_999, 1, "EUR", TransferKind.TRANSFER)),
            NotFoundException.class,
            "account_not_found")
        .hasMessage("no account 999999 in ledger");
    assertRefused(
            () ->
                ledger.transfer(
                    TransferRequest.of(
                        UUID.randomUUID(),
                        alice.id(),
                        pounds.id(),
                        1,
                        "EUR",
                        TransferKind.TRANSFER)),
            InvalidInputException.class,
            "currency_mismatch")
        .hasMessage("account " + pounds.id() + " holds GBP and cannot take part in a EUR transfer");
    assertRefused(() -> request(alice, bob, 0), InvalidInputException.class, "invalid_amount")
        .hasMessage("amount must be a positive whole number of minor units (was 0)");
    assertRefused(() -> request(alice, bob, -5), InvalidInputException.class, "invalid_amount");
    assertRefused(() -> request(alice, alice, 5), InvalidInputException.class, "same_account")
        .hasMessage("debit and credit account must differ (both were " + alice.id() + ")");
    assertRefused(
        () ->
            TransferRequest.of(
                UUID.randomUUID(), alice.id(), bob.id(), 5, "eur", TransferKind.TRANSFER),
        InvalidInputException.class,
        "invalid_currency");
    assertRefused(() -> ledger.account(424242), NotFoundException.class, "account_not_found");

    assertThat(transferCount()).isEqualTo(transfersBefore);
    assertThat(ledger.account(alice.id())).isEqualTo(aliceBefore);
    assertThat(reconcile().clean()).isTrue();
  }

  @Test
  void aHoldReservesMoneyUntilItIsPostedInFull() {
    Hold hold = ledger.hold(stake(alice, 3_000, Duration.ofSeconds(30)));

    Account held = ledger.account(alice.id());
    assertThat(hold.state()).isEqualTo(HoldState.PENDING);
    assertThat(held.balance()).isEqualTo(10_000);
    assertThat(held.held()).isEqualTo(3_000);
    assertThat(held.available()).isEqualTo(7_000);
    assertThat(ledger.openHolds(alice.id())).containsExactly(hold);
    assertRefused(
        () -> ledger.transfer(request(alice, bob, 7_001)),
        ConflictException.class,
        "insufficient_funds");

    Transfer posted = ledger.post(PostRequest.full(UUID.randomUUID(), hold.id()));

    assertThat(posted.holdId()).isEqualTo(hold.id());
    assertThat(posted.amount()).isEqualTo(3_000);
    assertThat(posted.kind()).isEqualTo(TransferKind.STAKE);
    Account after = ledger.account(alice.id());
    assertThat(after.balance()).isEqualTo(7_000);
    assertThat(after.held()).isZero();
    assertThat(ledger.account(escrow.id()).balance()).isEqualTo(3_000);
    assertThat(ledger.findHold(hold.id()).orElseThrow().state()).isEqualTo(HoldState.POSTED);
    assertThat(ledger.openHolds(alice.id())).isEmpty();
    assertThat(reconcile().clean()).isTrue();
  }

  @Test
  void replayingAHoldReturnsTheOriginalAndADifferentHoldUnderItsIdIsAConflict() {
    HoldRequest request = stake(alice, 3_000, Duration.ofMillis(90_500).plusNanos(123_456));
    Hold first = ledger.hold(request);
    clock.advance(Duration.ofSeconds(3));

    assertThat(ledger.submitHold(request).join()).isEqualTo(new Outcome.Done<>(first, true));
    assertRefused(
        () ->
            ledger.hold(
                new HoldRequest(
                    request.idempotencyId(),
                    alice.id(),
                    escrow.id(),
                    3_001,
                    "EUR",
                    TransferKind.STAKE,
                    request.timeout(),
                    request.metadata())),
        ConflictException.class,
        "idempotency_conflict");
    assertThat(ledger.account(alice.id()).held()).isEqualTo(3_000);
  }

  @Test
  void aPartialPostMovesPartAndReleasesTheRest() {
    Hold hold = ledger.hold(stake(alice, 3_000, Duration.ofSeconds(30)));

    Transfer posted = ledger.post(PostRequest.partial(UUID.randomUUID(), hold.id(), 1_200));

    assertThat(posted.amount()).isEqualTo(1_200);
    Account after = ledger.account(alice.id());
    assertThat(after.balance()).isEqualTo(8_800);
    assertThat(after.available()).isEqualTo(8_800);
    Hold resolved = ledger.findHold(hold.id()).orElseThrow();
    assertThat(resolved.postedAmount()).isEqualTo(1_200);
    assertThat(resolved.resolvedAt()).isEqualTo(clock.instant());
    assertThat(reconcile().clean()).isTrue();
  }

  @Test
  void aHoldCanBePostedOnlyOnceAndNotForMoreThanItHolds() {
    Hold hold = ledger.hold(stake(alice, 3_000, Duration.ofSeconds(30)));
    assertRefused(
            () -> ledger.post(PostRequest.partial(UUID.randomUUID(), hold.id(), 3_001)),
            InvalidInputException.class,
            "amount_exceeds_hold")
        .hasMessage("cannot post 3001 from hold " + hold.id() + " of 3000 EUR");
    PostRequest post = PostRequest.full(UUID.randomUUID(), hold.id());
    Transfer first = ledger.post(post);

    assertThat(ledger.post(post)).isEqualTo(first);
    assertRefused(
            () -> ledger.post(PostRequest.full(UUID.randomUUID(), hold.id())),
            ConflictException.class,
            "hold_not_pending")
        .hasMessage("hold " + hold.id() + " is already posted");
    assertRefused(() -> ledger.voidHold(hold.id()), ConflictException.class, "hold_not_pending");
    assertRefused(
        () -> ledger.post(PostRequest.full(UUID.randomUUID(), 77_777)),
        NotFoundException.class,
        "hold_not_found");
    assertThat(ledger.account(alice.id()).balance()).isEqualTo(7_000);
  }

  @Test
  void aVoidedHoldGivesTheMoneyBackAndVoidingAgainChangesNothing() {
    Hold hold = ledger.hold(stake(alice, 3_000, Duration.ofSeconds(30)));

    Hold voided = ledger.voidHold(hold.id());
    Hold again = ledger.voidHold(hold.id());

    assertThat(voided.state()).isEqualTo(HoldState.VOIDED);
    assertThat(again).isEqualTo(voided);
    assertThat(ledger.account(alice.id()).available()).isEqualTo(10_000);
    assertThat(ledger.account(alice.id()).held()).isZero();
    assertRefused(
        () -> ledger.post(PostRequest.full(UUID.randomUUID(), hold.id())),
        ConflictException.class,
        "hold_not_pending");
    assertThat(reconcile().clean()).isTrue();
  }

  @Test
  void holdsPastTheirTimeoutExpireAndCannotBePosted() {
    Hold shortHold = ledger.hold(stake(alice, 1_000, Duration.ofSeconds(10)));
    Hold longHold = ledger.hold(stake(alice, 2_000, Duration.ofMinutes(10)));
    clock.advance(Duration.ofSeconds(10));

    assertRefused(
            () -> ledger.post(PostRequest.full(UUID.randomUUID(), shortHold.id())),
            ConflictException.class,
            "hold_expired")
        .hasMessageContaining("expired at " + shortHold.expiresAt());
    assertThat(ledger.expireDueHolds()).isEqualTo(1);
    assertThat(ledger.expireDueHolds()).isZero();

    assertThat(ledger.findHold(shortHold.id()).orElseThrow().state()).isEqualTo(HoldState.EXPIRED);
    assertThat(ledger.openHolds(alice.id())).extracting(Hold::id).containsExactly(longHold.id());
    assertThat(ledger.account(alice.id()).held()).isEqualTo(2_000);
    assertThat(reconcile().clean()).isTrue();
  }

  @Test
  void theSweeperExpiresHoldsByItself() throws InterruptedException {
    ledger.close();
    ledger =
        Ledger.postgres(
            db.dataSource(), clock, new LedgerSettings(100, 1_000, Duration.ofMillis(50)), null);
    Hold hold = ledger.hold(stake(alice, 1_000, Duration.ofSeconds(5)));
    clock.advance(Duration.ofSeconds(6));

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (ledger.findHold(hold.id()).orElseThrow().state() == HoldState.PENDING
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    assertThat(ledger.findHold(hold.id()).orElseThrow().state()).isEqualTo(HoldState.EXPIRED);
    assertThat(ledger.account(alice.id()).held()).isZero();
  }

  @Test
  void historyPagesWalkEveryTransferNewestFirstWithoutGapsOrRepeats() {
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Transfer t =
          i % 2 == 0
              ? ledger.transfer(request(alice, bob, 100 + i))
              : ledger.transfer(request(bob, alice, 10 + i));
      expected.addFirst(t.id());
    }
    Transfer depositTransfer =
        ledger.history(alice.id(), Optional.empty(), 200).transfers().getLast();
    expected.add(depositTransfer.id());

    List<Long> seen = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    int pages = 0;
    do {
      HistoryPage page = ledger.history(alice.id(), cursor, 3);
      page.transfers().forEach(t -> seen.add(t.id()));
      cursor = page.nextCursor();
      pages++;
    } while (cursor.isPresent());

    assertThat(seen).isEqualTo(expected);
    assertThat(pages).isEqualTo(3);
    assertThat(depositTransfer.changeFor(alice.id())).isEqualTo(10_000);
    assertRefused(
        () -> ledger.history(alice.id(), Optional.of("nonsense"), 3),
        InvalidInputException.class,
        "invalid_cursor");
    assertRefused(
        () -> ledger.history(alice.id(), Optional.empty(), 0),
        InvalidInputException.class,
        "invalid_limit");
  }

  @Test
  void aTransferTheDatabaseRefusesFailsAloneWhileItsBatchNeighboursCommit() {
    LedgerSchema.execute(
        db.dataSource(),
        "ALTER TABLE ledger.transfers ADD CONSTRAINT test_refuses_13 CHECK (amount <> 13)");
    List<CompletableFuture<Outcome<Transfer>>> results = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      results.add(ledger.submit(request(alice, bob, i == 25 ? 13 : 10)));
    }

    assertThat(results.get(25))
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(LedgerUnavailableException.class)
        .withMessageContaining("test_refuses_13");
    for (int i = 0; i < 50; i++) {
      if (i != 25) {
        assertThat(results.get(i).join()).isInstanceOf(Outcome.Done.class);
      }
    }
    assertThat(ledger.account(bob.id()).balance()).isEqualTo(490);
    assertThat(reconcile().clean()).isTrue();
  }

  @Test
  void aWalletUpdateCarriesBalanceHeldAvailableAndVersion() {
    ledger.hold(stake(alice, 400, Duration.ofSeconds(30)));

    var update = ledger.account(alice.id()).toWalletUpdate();

    assertThat(update.getBalanceMinor()).isEqualTo(10_000);
    assertThat(update.getHeldMinor()).isEqualTo(400);
    assertThat(update.getAvailableMinor()).isEqualTo(9_600);
    assertThat(update.getVersion()).isEqualTo(2);
    assertThat(update.getCurrency()).isEqualTo("EUR");
  }

  private void deposit(Account to, long amount) {
    ledger.transfer(
        TransferRequest.of(
            UUID.randomUUID(), clearing.id(), to.id(), amount, "EUR", TransferKind.DEPOSIT));
  }

  private static TransferRequest request(Account from, Account to, long amount) {
    return TransferRequest.of(
        UUID.randomUUID(), from.id(), to.id(), amount, "EUR", TransferKind.TRANSFER);
  }

  private HoldRequest stake(Account from, long amount, Duration timeout) {
    return new HoldRequest(
        UUID.randomUUID(),
        from.id(),
        escrow.id(),
        amount,
        "EUR",
        TransferKind.STAKE,
        timeout,
        "bet:" + amount);
  }

  private long transferCount() {
    return LedgerSchema.queryLong(db.dataSource(), "SELECT count(*) FROM ledger.transfers");
  }

  private ReconciliationReport reconcile() {
    return Reconciliation.postgres(db.dataSource(), clock, HoldBacking.unchecked(), null).run();
  }

  private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      ThrowingCallable call, Class<? extends Throwable> type, String code) {
    return assertThatThrownBy(call).isInstanceOf(type).hasFieldOrPropertyWithValue("code", code);
  }
}
