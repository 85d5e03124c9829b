package dev.slipstream.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.ledger.audit.AuditEntry;
import dev.slipstream.ledger.audit.AuditLog;
import dev.slipstream.ledger.spi.HoldBacking;
import dev.slipstream.platform.db.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bet floats: a shard reserves money on a wallet, then draws its bets' stakes from it in one
 * transaction with its own rows. The wallet's balance and held total never move on a draw; the
 * database refuses a draw the float cannot give, and then nothing is written.
 */
class FloatDrawsIT {
  private static final String NOTES = TwoFundedWallets.NOTES;

  private TwoFundedWallets fixture;
  private Database db;
  private Ledger ledger;
  private Account house;
  private Account alice;
  private Account bob;

  @BeforeEach
  void openLedger() {
    fixture = new TwoFundedWallets();
    db = fixture.db;
    ledger = fixture.ledger;
    house = fixture.house;
    alice = fixture.alice;
    bob = fixture.bob;
  }

  @AfterEach
  void closeLedger() {
    fixture.close();
  }

  @Test
  void stakesDrawnFromAFloatBecomeHoldsOfTheirOwnAndTheWalletDoesNotMove() throws Exception {
    Hold aliceFloat = ledger.hold(floatOn(alice, 4_000));
    Hold bobFloat = ledger.hold(floatOn(bob, 1_000));
    Account aliceBefore = ledger.account(alice.id());

    List<Hold> stakes =
        draw(
            List.of(
                new FloatDraws.Draw(aliceFloat.id(), stake(alice, 1_500)),
                new FloatDraws.Draw(bobFloat.id(), stake(bob, 1_000)),
                new FloatDraws.Draw(aliceFloat.id(), stake(alice, 500))),
            "batch 1");

    assertThat(stakes).extracting(Hold::amount).containsExactly(1_500L, 1_000L, 500L);
    assertThat(stakes).allSatisfy(h -> assertThat(h.state()).isEqualTo(HoldState.PENDING));
    assertThat(ledger.findHold(stakes.get(0).id())).contains(stakes.get(0));
    assertThat(ledger.findHold(aliceFloat.id()).orElseThrow().amount()).isEqualTo(2_000);
    assertThat(ledger.findHold(bobFloat.id()).orElseThrow().amount())
        .as("a float drawn to nothing stays pending at zero until it is given back")
        .isZero();
    Account aliceAfter = ledger.account(alice.id());
    assertThat(aliceAfter.balance()).isEqualTo(aliceBefore.balance());
    assertThat(aliceAfter.held()).isEqualTo(aliceBefore.held()).isEqualTo(4_000);
    assertThat(
            LedgerSchema.queryLong(
                db.dataSource(),
                "SELECT count(DISTINCT xmin::text) FROM (SELECT xmin FROM ledger.holds"
                    + " WHERE kind = 'stake' UNION ALL SELECT xmin FROM "
                    + NOTES
                    + ") AS rows"))
        .as("the stakes and the note were written by one transaction")
        .isEqualTo(1);
    assertThat(reconciliation().run().clean()).isTrue();
  }

  @Test
  void theAuditLogNamesEveryDrawAndWhatEachFloatGave() throws Exception {
    Hold aliceFloat = ledger.hold(floatOn(alice, 4_000));

    draw(
        List.of(
            new FloatDraws.Draw(aliceFloat.id(), stake(alice, 1_500)),
            new FloatDraws.Draw(aliceFloat.id(), stake(alice, 700))),
        "audited");

    assertThat(
            LedgerSchema.queryLong(
                db.dataSource(),
                "SELECT (details ->> 'amount')::bigint FROM ledger.audit_log"
                    + " WHERE action = 'money.float_draws' AND details -> 'ids' @> to_jsonb("
                    + aliceFloat.id()
                    + "::bigint)"))
        .isEqualTo(2_200);
    assertThat(
            LedgerSchema.queryLong(
                db.dataSource(),
                "SELECT count(*) FROM ledger.audit_log WHERE action = 'money.holds_pending'"
                    + " AND (details ->> 'count')::int = 2"))
        .as("the two stakes' holds, audited like any hold placed")
        .isEqualTo(1);
    draw(List.of(new FloatDraws.Draw(aliceFloat.id(), stake(alice, 300))), "audited again");

    List<AuditEntry> draws =
        AuditLog.postgres(db.dataSource(), InstantSource.system())
            .about("account:" + alice.id(), 1_000)
            .stream()
            .filter(line -> line.action().equals("money.float_draw"))
            .toList();
    assertThat(draws)
        .as("one line per batch that drew from the float, with what it gave")
        .extracting(AuditEntry::details)
        .satisfiesExactly(
            first -> assertThat(first).contains("\"amount\": 2200", "\"kind\": \"bet_float\""),
            second -> assertThat(second).contains("\"amount\": 300"));
  }

  @Test
  void aDrawTheFloatCannotGiveWritesNothing() {
    Hold aliceFloat = ledger.hold(floatOn(alice, 1_000));

    assertThatThrownBy(
            () ->
                draw(
                    List.of(
                        new FloatDraws.Draw(aliceFloat.id(), stake(alice, 600)),
                        new FloatDraws.Draw(aliceFloat.id(), stake(alice, 600))),
                    "too much"))
        .isInstanceOfSatisfying(
            SQLException.class,
            e -> {
              assertThat(e.getSQLState()).isEqualTo("23000");
              assertThat(e.getMessage()).contains("0 of 1 floats could be drawn");
            });

    assertNothingDrawn(aliceFloat, 1_000);
  }

  @Test
  void aFloatOfAnotherWalletOrAVoidedFloatCannotBeDrawn() {
    Hold bobFloat = ledger.hold(floatOn(bob, 1_000));
    Hold aliceFloat = ledger.hold(floatOn(alice, 1_000));
    ledger.voidHold(aliceFloat.id());

    assertThatThrownBy(
            () -> draw(List.of(new FloatDraws.Draw(bobFloat.id(), stake(alice, 100))), "wrong"))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23000"));
    assertThatThrownBy(
            () -> draw(List.of(new FloatDraws.Draw(aliceFloat.id(), stake(alice, 100))), "void"))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23000"));

    assertNothingDrawn(bobFloat, 1_000);
  }

  @Test
  void aStakeRepeatingAStoredIdempotencyIdWritesNothing() throws Exception {
    Hold aliceFloat = ledger.hold(floatOn(alice, 4_000));
    HoldRequest once = stake(alice, 500);
    draw(List.of(new FloatDraws.Draw(aliceFloat.id(), once)), "first");

    assertThatThrownBy(
            () ->
                draw(
                    List.of(
                        new FloatDraws.Draw(aliceFloat.id(), stake(alice, 100)),
                        new FloatDraws.Draw(aliceFloat.id(), once)),
                    "again"))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));

    assertThat(ledger.findHold(aliceFloat.id()).orElseThrow().amount()).isEqualTo(3_500);
    assertThat(LedgerSchema.queryLong(db.dataSource(), "SELECT count(*) FROM " + NOTES))
        .isEqualTo(1);
  }

  @Test
  void aFloatIsNeverPostedAndIsGivenBackByVoidingWhatIsLeft() throws Exception {
    Hold aliceFloat = ledger.hold(floatOn(alice, 4_000));
    Hold stake =
        draw(List.of(new FloatDraws.Draw(aliceFloat.id(), stake(alice, 1_000))), "bet").get(0);

    assertThatThrownBy(
            () ->
                ledger.post(
                    new PostRequest(
                        UUID.randomUUID(), aliceFloat.id(), java.util.OptionalLong.empty())))
        .isInstanceOfSatisfying(
            dev.slipstream.platform.ConflictException.class,
            e -> assertThat(e.code()).isEqualTo("float_not_postable"));
    ledger.voidHold(aliceFloat.id());
    ledger.post(new PostRequest(UUID.randomUUID(), stake.id(), java.util.OptionalLong.empty()));

    Account after = ledger.account(alice.id());
    assertThat(after.held()).isZero();
    assertThat(after.balance()).isEqualTo(9_000);
    assertThat(ledger.account(house.id()).balance()).isEqualTo(1_000);
    assertThat(reconciliation().run().clean()).isTrue();
  }

  @Test
  void noTransferMayCarryTheFloatKind() {
    assertThatThrownBy(
            () ->
                TransferRequest.of(
                    UUID.randomUUID(), alice.id(), bob.id(), 1, "EUR", TransferKind.BET_FLOAT))
        .isInstanceOfSatisfying(
            dev.slipstream.platform.InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("invalid_transfer_kind"));
  }

  @Test
  void theDatabaseItselfRefusesToRaiseAFloatOrToDrawFromAStake() throws Exception {
    Hold aliceFloat = ledger.hold(floatOn(alice, 1_000));
    Hold stake =
        draw(List.of(new FloatDraws.Draw(aliceFloat.id(), stake(alice, 400))), "bet").get(0);

    assertThatThrownBy(
            () ->
                LedgerSchema.execute(
                    db.dataSource(),
                    "UPDATE ledger.holds SET amount = 5000 WHERE id = " + aliceFloat.id()))
        .hasMessageContaining("can only move once");
    assertThatThrownBy(
            () ->
                LedgerSchema.execute(
                    db.dataSource(),
                    "UPDATE ledger.holds SET amount = 100 WHERE id = " + stake.id()))
        .hasMessageContaining("can only move once");
    assertThatThrownBy(
            () ->
                LedgerSchema.execute(
                    db.dataSource(),
                    "UPDATE ledger.holds SET amount = -1 WHERE id = " + aliceFloat.id()))
        .hasMessageContaining("hold_amount_positive");
  }

  private void assertNothingDrawn(Hold floatHold, long amount) {
    assertThat(ledger.findHold(floatHold.id()).orElseThrow().amount()).isEqualTo(amount);
    assertThat(
            LedgerSchema.queryLong(
                db.dataSource(), "SELECT count(*) FROM ledger.holds WHERE kind = 'stake'"))
        .isZero();
    assertThat(LedgerSchema.queryLong(db.dataSource(), "SELECT count(*) FROM " + NOTES)).isZero();
  }

  private List<Hold> draw(List<FloatDraws.Draw> draws, String note) throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(true);
      return FloatDraws.commit(
          c, draws, Instant.now().truncatedTo(ChronoUnit.MICROS), TwoFundedWallets.note(note));
    }
  }

  private Reconciliation reconciliation() {
    return Reconciliation.postgres(
        db.dataSource(), InstantSource.system(), HoldBacking.unchecked(), null);
  }

  private HoldRequest floatOn(Account wallet, long amount) {
    return towardsTheHouse(wallet, amount, TransferKind.BET_FLOAT, "float:shard-1");
  }

  private HoldRequest stake(Account wallet, long amount) {
    return towardsTheHouse(wallet, amount, TransferKind.STAKE, "bet:" + UUID.randomUUID());
  }

  private HoldRequest towardsTheHouse(
      Account wallet, long amount, TransferKind kind, String metadata) {
    return new HoldRequest(
        UUID.randomUUID(),
        wallet.id(),
        house.id(),
        amount,
        "EUR",
        kind,
        Duration.ofHours(1),
        metadata);
  }
}
