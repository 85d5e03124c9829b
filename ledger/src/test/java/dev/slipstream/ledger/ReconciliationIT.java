package dev.slipstream.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.ledger.spi.HoldBacking;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.state.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReconciliationIT {
  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T10:00:00Z"));
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private Database db;
  private Ledger ledger;
  private Account house;
  private Account alice;
  private Account escrow;
  private Hold stake;

  @BeforeEach
  void openLedger() {
    db = LedgerSchema.fresh();
    ledger =
        Ledger.postgres(db.dataSource(), clock, LedgerSettings.defaults().withoutSweeper(), null);
    house = ledger.openAccount(AccountKind.HOUSE, "house", "EUR");
    alice = ledger.openAccount(AccountKind.PLAYER_WALLET, "alice", "EUR");
    escrow = ledger.openAccount(AccountKind.BET_ESCROW, "mkt_9", "EUR");
    ledger.transfer(
        TransferRequest.of(
            UUID.randomUUID(), house.id(), alice.id(), 5_000, "EUR", TransferKind.ADJUSTMENT));
    stake =
        ledger.hold(
            new HoldRequest(
                UUID.randomUUID(),
                alice.id(),
                escrow.id(),
                700,
                "EUR",
                TransferKind.STAKE,
                Duration.ofMinutes(1),
                "bet:b1"));
  }

  @AfterEach
  void closeLedger() {
    ledger.close();
  }

  @Test
  void balancedBooksGiveACleanReportWithTheirFigures() {
    ReconciliationReport report = reconciliation(HoldBacking.unchecked()).run();

    assertThat(report.clean()).isTrue();
    assertThat(report.accounts()).isEqualTo(3);
    assertThat(report.transfers()).isEqualTo(1);
    assertThat(report.openHolds()).isEqualTo(1);
    assertThat(metrics.get("ledger.reconciliation.discrepancies").gauge().value()).isZero();
    assertThat(metrics.get("ledger.reconciliation.alerts").counter().count()).isZero();
  }

  @Test
  void aBalanceChangedBehindTheLedgersBackIsReportedAndRaisesAnAlert() {
    LedgerSchema.execute(
        db.dataSource(),
        "UPDATE ledger.accounts SET balance = balance - 50 WHERE id = " + house.id());

    ReconciliationReport report = reconciliation(HoldBacking.unchecked()).run();

    assertThat(report.discrepancies())
        .containsExactly(
            new Discrepancy.CurrencyImbalance("EUR", -50),
            new Discrepancy.BalanceMismatch(house.id(), -5_050, -5_000));
    assertThat(report.discrepancies().get(1).describe())
        .isEqualTo(
            "account " + house.id() + " records balance -5050 but its transfers sum to -5000");
    assertThat(metrics.get("ledger.reconciliation.discrepancies").gauge().value()).isEqualTo(2);
    assertThat(metrics.get("ledger.reconciliation.alerts").counter().count()).isEqualTo(1);
  }

  @Test
  void heldMoneyWithoutAPendingHoldIsReported() {
    LedgerSchema.execute(
        db.dataSource(), "UPDATE ledger.accounts SET held = held + 1 WHERE id = " + alice.id());

    assertThat(reconciliation(HoldBacking.unchecked()).run().discrepancies())
        .containsExactly(new Discrepancy.HeldMismatch(alice.id(), 701, 700));
  }

  @Test
  void aTransferClaimingToPostAHoldThatWasNeverPostedIsReported() {
    Hold voided = ledger.voidHold(stake.id());
    ledger.post(postedStake(800)); // a real posting, which must not be reported
    LedgerSchema.execute(
        db.dataSource(),
        "INSERT INTO ledger.transfers (idempotency_id, debit_account_id, credit_account_id,"
            + " amount, currency, kind, hold_id, created_at) VALUES (gen_random_uuid(), "
            + alice.id()
            + ", "
            + escrow.id()
            + ", 700, 'EUR', 'stake', "
            + voided.id()
            + ", now())");

    ReconciliationReport report = reconciliation(HoldBacking.unchecked()).run();

    assertThat(report.discrepancies())
        .filteredOn(d -> d instanceof Discrepancy.HoldPostingMismatch)
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.describe())
                    .matches("transfer \\d+ does not match the posting of hold " + voided.id()));
  }

  @Test
  void anOpenHoldThatNoAcceptedBetOwnsIsReported() {
    HoldBacking betEngine =
        openHolds ->
            openHolds.stream()
                .filter(h -> !"bet:accepted".equals(h.metadata()))
                .map(Hold::id)
                .toList();

    ReconciliationReport report = reconciliation(betEngine).run();

    assertThat(report.discrepancies())
        .containsExactly(new Discrepancy.UnbackedHold(stake.id(), alice.id(), 700));
    ledger.voidHold(stake.id());
    assertThat(reconciliation(betEngine).run().discrepancies()).isEqualTo(List.of());
  }

  private PostRequest postedStake(long amount) {
    Hold hold =
        ledger.hold(
            new HoldRequest(
                UUID.randomUUID(),
                alice.id(),
                escrow.id(),
                amount,
                "EUR",
                TransferKind.STAKE,
                Duration.ofMinutes(1),
                "bet:b2"));
    return PostRequest.full(UUID.randomUUID(), hold.id());
  }

  private Reconciliation reconciliation(HoldBacking backing) {
    return Reconciliation.postgres(db.dataSource(), clock, backing, metrics);
  }
}
