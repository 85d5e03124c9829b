package dev.slipstream.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.state.SettableClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The money invariants hold even for SQL that bypasses the ledger's code. */
class LedgerSchemaIT {
  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T10:00:00Z"));
  private Database db;
  private Ledger ledger;
  private Account clearing;
  private Account alice;
  private Account bob;
  private Account pounds;

  @BeforeEach
  void openLedger() {
    db = LedgerSchema.fresh();
    ledger =
        Ledger.postgres(db.dataSource(), clock, LedgerSettings.defaults().withoutSweeper(), null);
    clearing = ledger.openAccount(AccountKind.PAYMENT_CLEARING, "psp", "EUR");
    alice = ledger.openAccount(AccountKind.PLAYER_WALLET, "alice", "EUR");
    bob = ledger.openAccount(AccountKind.PLAYER_WALLET, "bob", "EUR");
    pounds = ledger.openAccount(AccountKind.PLAYER_WALLET, "carol", "GBP");
    ledger.transfer(
        TransferRequest.of(
            UUID.randomUUID(), clearing.id(), alice.id(), 1_000, "EUR", TransferKind.DEPOSIT));
  }

  @AfterEach
  void closeLedger() {
    ledger.close();
  }

  @Test
  void theDatabaseRefusesANegativePlayerBalanceSetBehindTheLedgersBack() {
    SQLException refused =
        refusedSql("UPDATE ledger.accounts SET balance = -1 WHERE id = " + alice.id());

    assertThat(refused.getSQLState()).isEqualTo("23514");
    assertThat(refused.getMessage())
        .containsAnyOf("balance_not_negative", "available_not_negative");
    assertThat(ledger.account(alice.id()).balance()).isEqualTo(1_000);
  }

  @Test
  void theDatabaseRefusesHoldingMoreThanTheBalance() {
    SQLException refused =
        refusedSql("UPDATE ledger.accounts SET held = 1001 WHERE id = " + alice.id());

    assertThat(refused.getMessage()).contains("available_not_negative");
  }

  @Test
  void onlyHouseAndClearingAccountsMayGoNegative() {
    assertThat(refusal("UPDATE ledger.accounts SET allow_negative = true WHERE id = " + bob.id()))
        .contains("cannot be deleted or change identity");
    assertThat(
            refusal(
                "INSERT INTO ledger.accounts (kind, owner_ref, currency, allow_negative,"
                    + " created_at) VALUES ('player_wallet', 'mallory', 'EUR', true, now())"))
        .contains("only_system_accounts_go_negative");
    execute("UPDATE ledger.accounts SET balance = balance - 5 WHERE id = " + clearing.id());
  }

  @Test
  void transfersCanNeitherBeChangedNorDeleted() {
    assertThat(refusal("UPDATE ledger.transfers SET amount = 1"))
        .contains("ledger.transfers is append-only: UPDATE refused");
    assertThat(refusal("DELETE FROM ledger.transfers"))
        .contains("ledger.transfers is append-only: DELETE refused");
    assertThat(refusal("TRUNCATE ledger.transfers"))
        .contains("ledger.transfers is append-only: TRUNCATE refused");
    assertThat(refusal("DELETE FROM ledger.accounts WHERE id = " + bob.id()))
        .contains("cannot be deleted");
  }

  @Test
  void theDatabaseRefusesATransferBetweenAccountsOfAnotherCurrency() {
    SQLException refused =
        refusedSql(
            "INSERT INTO ledger.transfers (idempotency_id, debit_account_id, credit_account_id,"
                + " amount, currency, kind, created_at) VALUES (gen_random_uuid(), "
                + alice.id()
                + ", "
                + pounds.id()
                + ", 5, 'EUR', 'transfer', now())");

    assertThat(refused.getSQLState()).isEqualTo("23503");
    assertThat(refused.getMessage())
        .contains(
            "accounts " + alice.id() + " and " + pounds.id() + " must both exist and hold EUR");
  }

  @Test
  void theDatabaseRefusesZeroAmountsAndSelfTransfers() {
    String insert =
        "INSERT INTO ledger.transfers (idempotency_id, debit_account_id, credit_account_id,"
            + " amount, currency, kind, created_at) VALUES (gen_random_uuid(), %d, %d, %d,"
            + " 'EUR', 'transfer', now())";
    assertThat(refusedSql(insert.formatted(alice.id(), bob.id(), 0)).getSQLState())
        .isEqualTo("23514");
    assertThat(refusal(insert.formatted(alice.id(), alice.id(), 5)))
        .contains("transfer_between_two_accounts");
  }

  @Test
  void aHoldIsResolvedOnceAndNeverDeleted() {
    Account escrow = ledger.openAccount(AccountKind.BET_ESCROW, "mkt", "EUR");
    Hold hold =
        ledger.hold(
            new HoldRequest(
                UUID.randomUUID(),
                alice.id(),
                escrow.id(),
                100,
                "EUR",
                TransferKind.STAKE,
                Duration.ofSeconds(30),
                null));
    ledger.voidHold(hold.id());

    assertThat(
            refusal(
                "UPDATE ledger.holds SET state = 'expired', resolved_at = now() WHERE id = "
                    + hold.id()))
        .contains("can only move once from pending to a final state");
    assertThat(refusal("DELETE FROM ledger.holds")).contains("append-only");
  }

  private SQLException refusedSql(String sql) {
    SQLException refused = catchThrowableOfType(SQLException.class, () -> executeChecked(sql));
    assertThat((Object) refused).as("the database should refuse: " + sql).isNotNull();
    return refused;
  }

  private String refusal(String sql) {
    return String.valueOf(refusedSql(sql).getMessage());
  }

  private void execute(String sql) {
    LedgerSchema.execute(db.dataSource(), sql);
  }

  private void executeChecked(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
