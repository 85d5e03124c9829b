package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.LedgerSettings;
import dev.slipstream.markets.sequencer.BetSequencer;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A test that opened accounts in the ledger before starting the gateway keeps them: started with
 * {@code freshLedger=false} the fixture does not drop the ledger schema, so the caller's house
 * account and a bettor's new wallet are two accounts (once both were account 1).
 */
class FixtureLedgerIT {
  @Test
  void startingWithoutAFreshLedgerKeepsTheCallersAccounts() throws Exception {
    Database db = TestDatabase.embedded();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS ledger CASCADE");
      s.execute("DROP SCHEMA IF EXISTS markets CASCADE");
    }
    db.migrate(List.of(Ledger.MIGRATION, BetSequencer.MIGRATION));
    Account clearing;
    Account ours;
    try (Ledger ledger =
        Ledger.postgres(
            db.dataSource(), Clock.systemUTC(), LedgerSettings.defaults().withoutSweeper(), null)) {
      clearing = ledger.openAccount(AccountKind.PAYMENT_CLEARING, "psp-before", "EUR");
      ours = ledger.openAccount(AccountKind.HOUSE, "house", "EUR");
    }

    try (GatewayFixture f =
        GatewayFixture.startWith(GatewayFixture.Setup.defaults().keepingLedger())) {
      assertThat(f.house.id()).as("the fixture's house is the caller's").isEqualTo(ours.id());
      String ann = f.userWith("ann@example.com");
      String userId = f.read(f.get("/api/me", ann)).get("id").asText();
      Account wallet = f.money.wallet(userId);
      assertThat(wallet.id()).isNotEqualTo(ours.id());
      assertThat(wallet.id()).isNotEqualTo(clearing.id());
      assertThat(f.ledger.account(ours.id()).kind()).isEqualTo(AccountKind.HOUSE);
      assertThat(f.ledger.account(clearing.id()).ownerRef()).isEqualTo("psp-before");
    }
  }
}
