package dev.slipstream.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.platform.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Holds written with the caller's own rows in one transaction, two round trips: what the database
 * itself must refuse (a wallet changed between the read and the write, a repeated idempotency id, a
 * caller's row that cannot be written) leaves nothing half-written.
 */
class HoldsInTransactionIT {
  private static final String NOTES = TwoFundedWallets.NOTES;

  private TwoFundedWallets fixture;
  private Database db;
  private Ledger ledger;
  private Account alice;
  private Account bob;
  private Account escrow;

  @BeforeEach
  void openLedger() {
    fixture = new TwoFundedWallets();
    db = fixture.db;
    ledger = fixture.ledger;
    alice = fixture.alice;
    bob = fixture.bob;
    escrow = fixture.escrow;
  }

  @AfterEach
  void closeLedger() {
    fixture.close();
  }

  @Test
  void theHoldsAndTheCallersRowsCommitInOneTransaction() throws Exception {
    List<CompletableFuture<@Nullable Outcome<Hold>>> results = futures(2);

    commit(List.of(stake(alice, 1_000), stake(bob, 2_500)), results, null, "batch 1");

    Hold held = ((Outcome.Done<Hold>) results.get(0).join()).value();
    assertThat(held.amount()).isEqualTo(1_000);
    assertThat(ledger.account(alice.id()).held()).isEqualTo(1_000);
    assertThat(ledger.account(bob.id()).held()).isEqualTo(2_500);
    assertThat(
            LedgerSchema.queryLong(
                db.dataSource(),
                "SELECT count(DISTINCT xmin::text) FROM (SELECT xmin FROM ledger.holds"
                    + " UNION ALL SELECT xmin FROM "
                    + NOTES
                    + ") AS rows"))
        .as("the holds and the note were written by one transaction")
        .isEqualTo(1);
  }

  @Test
  void aCallersRowThatCannotBeWrittenLeavesNoHold() {
    LedgerSchema.execute(
        db.dataSource(), "ALTER TABLE " + NOTES + " ADD CHECK (note <> 'refused')");
    List<CompletableFuture<@Nullable Outcome<Hold>>> results = futures(1);

    assertThatThrownBy(() -> commit(List.of(stake(alice, 1_000)), results, null, "refused"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("check constraint");

    assertThat(results.get(0)).isNotDone();
    assertThat(ledger.account(alice.id()).held()).isZero();
    assertThat(LedgerSchema.queryLong(db.dataSource(), "SELECT count(*) FROM ledger.holds"))
        .isZero();
  }

  @Test
  void aWalletChangedAfterItWasReadFailsTheBatchAsASerializationFailureWithNothingWritten() {
    // Another writer's change lands between the batch's read and its write: here a trigger moves
    // the wallet's version on as the holds go in, in the write's own round trip.
    LedgerSchema.execute(
        db.dataSource(),
        "CREATE FUNCTION ledger.test_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " UPDATE ledger.accounts SET version = version + 1 WHERE id = "
            + alice.id()
            + "; RETURN NULL; END $$");
    LedgerSchema.execute(
        db.dataSource(),
        "CREATE TRIGGER test_bump AFTER INSERT ON ledger.holds"
            + " FOR EACH STATEMENT EXECUTE FUNCTION ledger.test_bump()");
    List<CompletableFuture<@Nullable Outcome<Hold>>> results = futures(1);

    assertThatThrownBy(() -> commit(List.of(stake(alice, 1_000)), results, null, "raced"))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("40001"));

    assertThat(ledger.account(alice.id()).held()).isZero();
    assertThat(LedgerSchema.queryLong(db.dataSource(), "SELECT count(*) FROM ledger.holds"))
        .isZero();
    assertThat(LedgerSchema.queryLong(db.dataSource(), "SELECT count(*) FROM " + NOTES)).isZero();
  }

  @Test
  void aRepeatedIdempotencyIdReplaysTheStoredHoldAndHoldsNothingMore() throws Exception {
    HoldRequest first = stake(alice, 1_000);
    List<CompletableFuture<@Nullable Outcome<Hold>>> before = futures(1);
    commit(List.of(first), before, null, "first");
    List<CompletableFuture<@Nullable Outcome<Hold>>> again = futures(2);

    commit(List.of(first, stake(bob, 500)), again, null, "again");

    Outcome.Done<Hold> replayed = (Outcome.Done<Hold>) again.get(0).join();
    assertThat(replayed.replayed()).isTrue();
    assertThat(replayed.value().id())
        .isEqualTo(((Outcome.Done<Hold>) before.get(0).join()).value().id());
    assertThat(ledger.account(alice.id()).held()).isEqualTo(1_000);
    assertThat(ledger.account(bob.id()).held()).isEqualTo(500);
    assertThat(LedgerSchema.queryLong(db.dataSource(), "SELECT count(*) FROM " + NOTES))
        .isEqualTo(2);
  }

  @Test
  void aStakeTheWalletCannotCoverIsRefusedAndTheOthersAreHeld() throws Exception {
    List<CompletableFuture<@Nullable Outcome<Hold>>> results = futures(2);

    commit(List.of(stake(alice, 20_000), stake(bob, 500)), results, null, "mixed");

    assertThat(results.get(0).join())
        .isInstanceOfSatisfying(
            Outcome.Refused.class,
            refused -> assertThat(refused.reason()).isEqualTo(Rejection.INSUFFICIENT_FUNDS));
    assertThat(ledger.account(alice.id()).held()).isZero();
    assertThat(ledger.account(bob.id()).held()).isEqualTo(500);
  }

  @Test
  void aWalletTheScreenPicksIsLeftOutAndItsResultIsNull() throws Exception {
    HoldsInTransaction.Screen onlyAlice =
        new HoldsInTransaction.Screen(
            "SELECT w FROM unnest(?::int8[]) AS w WHERE w = " + alice.id());
    List<CompletableFuture<@Nullable Outcome<Hold>>> results = futures(2);

    commit(List.of(stake(alice, 1_000), stake(bob, 500)), results, onlyAlice, "screened");

    assertThat(results.get(0).join()).isNull();
    assertThat(results.get(1).join()).isInstanceOf(Outcome.Done.class);
    assertThat(ledger.account(alice.id()).held()).isZero();
    assertThat(ledger.account(bob.id()).held()).isEqualTo(500);
  }

  @Test
  void aConnectionInItsOwnTransactionIsRefused() throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      assertThatThrownBy(
              () ->
                  HoldsInTransaction.commit(
                      c, List.of(), List.of(), Instant.now(), null, note("none")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("auto-commit");
    }
  }

  private void commit(
      List<HoldRequest> requests,
      List<CompletableFuture<@Nullable Outcome<Hold>>> results,
      HoldsInTransaction.@Nullable Screen screen,
      String text)
      throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(true);
      HoldsInTransaction.commit(
              c,
              requests,
              results,
              Instant.now().truncatedTo(ChronoUnit.MICROS),
              screen,
              note(text))
          .committed();
    }
  }

  private static HoldsInTransaction.CallerRows note(String text) {
    return TwoFundedWallets.note(text);
  }

  private HoldRequest stake(Account wallet, long amount) {
    return new HoldRequest(
        UUID.randomUUID(),
        wallet.id(),
        escrow.id(),
        amount,
        "EUR",
        TransferKind.STAKE,
        Duration.ofHours(1),
        "bet:" + UUID.randomUUID());
  }

  private static List<CompletableFuture<@Nullable Outcome<Hold>>> futures(int n) {
    List<CompletableFuture<@Nullable Outcome<Hold>>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(new CompletableFuture<>());
    }
    return futures;
  }
}
