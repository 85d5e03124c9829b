package dev.slipstream.ledger;

import dev.slipstream.platform.db.Database;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;

/**
 * A fresh ledger for the tests of holds written with a caller's rows: two player wallets (alice and
 * bob) with 10,000 EUR each, a house and a bet escrow, and a table the caller's rows go to.
 */
final class TwoFundedWallets implements AutoCloseable {
  /** The caller's table: one text column, {@code note}. */
  static final String NOTES = "ledger.test_notes";

  final Database db;
  final Ledger ledger;
  final Account house;
  final Account escrow;
  final Account alice;
  final Account bob;

  TwoFundedWallets() {
    db = LedgerSchema.fresh();
    ledger =
        Ledger.postgres(
            db.dataSource(),
            InstantSource.system(),
            LedgerSettings.defaults().withoutSweeper(),
            null);
    Account clearing = ledger.openAccount(AccountKind.PAYMENT_CLEARING, "psp", "EUR");
    house = ledger.openAccount(AccountKind.HOUSE, "house", "EUR");
    escrow = ledger.openAccount(AccountKind.BET_ESCROW, "market", "EUR");
    alice = ledger.openAccount(AccountKind.PLAYER_WALLET, "alice", "EUR");
    bob = ledger.openAccount(AccountKind.PLAYER_WALLET, "bob", "EUR");
    for (Account wallet : List.of(alice, bob)) {
      ledger.transfer(
          new TransferRequest(
              UUID.randomUUID(),
              clearing.id(),
              wallet.id(),
              10_000,
              "EUR",
              TransferKind.DEPOSIT,
              null));
    }
    LedgerSchema.execute(db.dataSource(), "CREATE TABLE " + NOTES + " (note TEXT NOT NULL)");
  }

  /** The caller's statement: one row of {@code text} in {@link #NOTES}. */
  static HoldsInTransaction.CallerRows note(String text) {
    return new HoldsInTransaction.CallerRows(
        "INSERT INTO " + NOTES + " (note) VALUES (?)", (s, first) -> s.setString(first, text));
  }

  long count(String sql) {
    return LedgerSchema.queryLong(db.dataSource(), sql);
  }

  @Override
  public void close() {
    ledger.close();
  }
}
