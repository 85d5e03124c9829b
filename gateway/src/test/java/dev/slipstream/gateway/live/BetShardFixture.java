package dev.slipstream.gateway.live;

import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.LedgerSettings;
import dev.slipstream.ledger.TransferKind;
import dev.slipstream.ledger.TransferRequest;
import dev.slipstream.markets.sequencer.BetSequencer;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A real bet shard and ledger on fresh schemas of the embedded PostgreSQL, with a house account in
 * EUR, for the live socket's bet tests; closes both.
 */
final class BetShardFixture implements AutoCloseable {
  final Database db;
  final Ledger ledger;
  final Account house;
  final BetSequencer shard;

  BetShardFixture() throws SQLException {
    db = TestDatabase.embedded();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS ledger CASCADE");
      s.execute("DROP SCHEMA IF EXISTS markets CASCADE");
    }
    db.migrate(List.of(Ledger.MIGRATION, BetSequencer.MIGRATION));
    ledger =
        Ledger.postgres(
            db.dataSource(), Clock.systemUTC(), LedgerSettings.defaults().withoutSweeper(), null);
    house = ledger.openAccount(AccountKind.HOUSE, "house", "EUR");
    shard =
        BetSequencer.start(
            "live", db.dataSource(), ledger, house.id(), Clock.systemUTC(), System::nanoTime);
  }

  /** Opens {@code userId}'s EUR wallet and deposits {@code minor} into it. */
  Account fundedWallet(String userId, long minor) {
    Account wallet = ledger.openAccount(AccountKind.PLAYER_WALLET, userId, "EUR");
    Account clearing = ledger.openAccount(AccountKind.PAYMENT_CLEARING, "psp", "EUR");
    ledger.transfer(
        new TransferRequest(
            UUID.randomUUID(),
            clearing.id(),
            wallet.id(),
            minor,
            "EUR",
            TransferKind.DEPOSIT,
            null));
    return ledger.account(wallet.id());
  }

  @Override
  public void close() {
    shard.close();
    ledger.close();
  }
}
