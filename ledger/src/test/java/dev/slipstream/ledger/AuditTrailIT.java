package dev.slipstream.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.ledger.audit.AuditEntry;
import dev.slipstream.ledger.audit.AuditLog;
import dev.slipstream.platform.db.Database;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The database audits every money movement: each batch the writers commit gets audit rows naming
 * every transfer and hold change in it, exactly once, and an account's audit lines list each of its
 * movements, also under two writers sharing one database.
 */
class AuditTrailIT {

  @Test
  void everyTransferAndHoldChangeIsNamedByExactlyOneAuditRowOfItsBatch() {
    Database db = LedgerSchema.fresh();
    LedgerSettings settings = LedgerSettings.defaults().withoutSweeper();
    try (Ledger first = Ledger.postgres(db.dataSource(), InstantSource.system(), settings, null);
        Ledger second = Ledger.postgres(db.dataSource(), InstantSource.system(), settings, null)) {
      Account clearing = first.openAccount(AccountKind.PAYMENT_CLEARING, "psp", "EUR");
      Account escrow = first.openAccount(AccountKind.BET_ESCROW, "mkt", "EUR");
      Account pounds = first.openAccount(AccountKind.PAYMENT_CLEARING, "psp", "GBP");
      List<Account> wallets = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        wallets.add(first.openAccount(AccountKind.PLAYER_WALLET, "p" + i, "EUR"));
        first.transfer(
            TransferRequest.of(
                UUID.randomUUID(),
                clearing.id(),
                wallets.getLast().id(),
                100_000,
                "EUR",
                TransferKind.DEPOSIT));
      }
      Account carol = first.openAccount(AccountKind.PLAYER_WALLET, "carol", "GBP");
      SplittableRandom random = new SplittableRandom(5);
      List<CompletableFuture<Outcome<Hold>>> holds = new ArrayList<>();
      List<CompletableFuture<?>> all = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        Ledger ledger = i % 2 == 0 ? first : second;
        Account from = wallets.get(random.nextInt(wallets.size()));
        Account to = wallets.get(random.nextInt(wallets.size()));
        if (i % 5 == 0) {
          CompletableFuture<Outcome<Hold>> hold =
              ledger.submitHold(
                  new HoldRequest(
                      UUID.randomUUID(),
                      from.id(),
                      escrow.id(),
                      1 + random.nextInt(100),
                      "EUR",
                      TransferKind.STAKE,
                      Duration.ofMinutes(5),
                      "bet:" + i));
          holds.add(hold);
          all.add(hold);
        } else if (i % 7 == 0) {
          all.add(
              ledger.submit(
                  TransferRequest.of(
                      UUID.randomUUID(),
                      pounds.id(),
                      carol.id(),
                      10,
                      "GBP",
                      TransferKind.DEPOSIT)));
        } else if (from.id() != to.id()) {
          all.add(
              ledger.submit(
                  TransferRequest.of(
                      UUID.randomUUID(),
                      from.id(),
                      to.id(),
                      1 + random.nextInt(100),
                      "EUR",
                      TransferKind.TRANSFER)));
        }
      }
      all.forEach(CompletableFuture::join);
      int n = 0;
      for (CompletableFuture<Outcome<Hold>> hold : holds) {
        long id = ((Outcome.Done<Hold>) hold.join()).value().id();
        Ledger ledger = n++ % 2 == 0 ? first : second;
        if (n % 3 == 0) {
          ledger.voidHold(id);
        } else {
          ledger.post(PostRequest.full(UUID.randomUUID(), id));
        }
      }

      long transfers = count(db, "SELECT count(*) FROM ledger.transfers");
      assertThat(transfers).isGreaterThan(1_500);
      assertThat(
              count(
                  db,
                  "SELECT count(*) FROM ledger.transfers t WHERE (SELECT count(*) FROM"
                      + " ledger.audit_log a WHERE a.action = 'money.transfers' AND a.details ->"
                      + " 'ids' @> to_jsonb(t.id)) <> 1"))
          .as("transfers named by no audit row, or by more than one")
          .isZero();
      assertThat(
              count(
                  db,
                  "SELECT count(*) FROM ledger.holds h WHERE (SELECT count(*) FROM"
                      + " ledger.audit_log a WHERE a.action = 'money.holds_pending' AND a.details"
                      + " -> 'ids' @> to_jsonb(h.id)) <> 1 OR (SELECT count(*) FROM"
                      + " ledger.audit_log a WHERE a.action = 'money.holds_' || h.state AND"
                      + " a.details -> 'ids' @> to_jsonb(h.id)) <> 1"))
          .as("holds whose placing or resolving is not named by exactly one audit row")
          .isZero();
      assertThat(
              count(
                  db,
                  "SELECT sum((details ->> 'count')::bigint) FROM ledger.audit_log"
                      + " WHERE action = 'money.transfers'"))
          .isEqualTo(transfers);
      assertThat(count(db, "SELECT count(*) FROM ledger.audit_log"))
          .as("one audit row per batch, not per transfer")
          .isLessThan(transfers / 2);

      AuditLog audit = AuditLog.postgres(db.dataSource(), InstantSource.system());
      Account wallet = wallets.getFirst();
      List<AuditEntry> lines = audit.about("account:" + wallet.id(), 10_000);
      assertThat(lines.stream().filter(e -> e.action().equals("money.transfer")).count())
          .isEqualTo(
              count(
                  db,
                  "SELECT count(*) FROM ledger.transfers WHERE credit_account_id = "
                      + wallet.id()));
      assertThat(lines.stream().filter(e -> e.action().startsWith("money.hold_")).count())
          .isEqualTo(
              2
                  * count(
                      db,
                      "SELECT count(*) FROM ledger.holds WHERE debit_account_id = " + wallet.id()));
      assertThat(lines).extracting(AuditEntry::id).isSorted();
      assertThat(lines.getFirst().details())
          .contains("\"kind\": \"deposit\"")
          .contains("\"amount\": 100000");
      assertThat(audit.about("account:" + wallet.id(), 3)).hasSize(3);
    }
  }

  private static long count(Database db, String sql) {
    return LedgerSchema.queryLong(db.dataSource(), sql);
  }
}
