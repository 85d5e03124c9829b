package dev.slipstream.ledger.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Hold;
import dev.slipstream.ledger.HoldRequest;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.LedgerSettings;
import dev.slipstream.ledger.PostRequest;
import dev.slipstream.ledger.TransferKind;
import dev.slipstream.ledger.TransferRequest;
import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.TestDatabase;
import dev.slipstream.platform.state.SettableClock;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Players' limits and breaks against the real ledger: each rule, its cooling-off, its refusal. */
class PlayerLimitsIT {
  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T10:00:00Z"));
  private Ledger ledger;
  private PlayerLimits limits;
  private Account clearing;
  private Account house;
  private Account alice;

  @BeforeEach
  void open() throws Exception {
    Database db = TestDatabase.embedded();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS ledger CASCADE");
    }
    db.migrate(List.of(Ledger.MIGRATION));
    ledger =
        Ledger.postgres(db.dataSource(), clock, LedgerSettings.defaults().withoutSweeper(), null);
    limits = PlayerLimits.postgres(db.dataSource(), clock);
    clearing = ledger.openAccount(AccountKind.PAYMENT_CLEARING, "psp", "EUR");
    house = ledger.openAccount(AccountKind.HOUSE, "house", "EUR");
    alice = ledger.openAccount(AccountKind.PLAYER_WALLET, "alice", "EUR");
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  @Test
  void loweringAppliesAtOnceAndRaisingOnlyAfterTheCoolingOff() {
    PlayerLimit first =
        limits.set(alice.id(), LimitKind.DEPOSIT, LimitPeriod.DAY, OptionalLong.of(10_000));
    assertThat(first.amount()).hasValue(10_000);

    PlayerLimit lower =
        limits.set(alice.id(), LimitKind.DEPOSIT, LimitPeriod.DAY, OptionalLong.of(5_000));
    assertThat(lower.amount()).hasValue(5_000);

    PlayerLimit raise =
        limits.set(alice.id(), LimitKind.DEPOSIT, LimitPeriod.DAY, OptionalLong.of(20_000));
    assertThat(raise.amount()).as("the lower limit holds meanwhile").hasValue(5_000);
    assertThat(raise.pendingAmount()).hasValue(20_000);
    assertThat(raise.pendingFrom()).isEqualTo(clock.instant().plus(PlayerLimits.COOLING_OFF));

    clock.advance(Duration.ofHours(23));
    assertThat(only().amount()).hasValue(5_000);
    clock.advance(Duration.ofHours(1));
    assertThat(only().amount()).hasValue(20_000);
    assertThat(only().pendingAmount()).isEmpty();

    PlayerLimit removal =
        limits.set(alice.id(), LimitKind.DEPOSIT, LimitPeriod.DAY, OptionalLong.empty());
    assertThat(removal.pendingRemoval()).isTrue();
    assertThat(only().amount()).hasValue(20_000);
    clock.advance(PlayerLimits.COOLING_OFF);
    assertThat(limits.limits(alice.id())).isEmpty();

    assertThatThrownBy(
            () -> limits.set(alice.id(), LimitKind.STAKE, LimitPeriod.WEEK, OptionalLong.of(0)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("positive");
  }

  @Test
  void aDepositOverTheDailyLimitIsRefusedUntilTheWindowMovesOn() {
    limits.set(alice.id(), LimitKind.DEPOSIT, LimitPeriod.DAY, OptionalLong.of(10_000));
    limits.checkDeposit(alice.id(), 6_000);
    deposit(6_000);

    assertThatThrownBy(() -> limits.checkDeposit(alice.id(), 5_000))
        .isInstanceOf(ConflictException.class)
        .hasFieldOrPropertyWithValue("code", "deposit_limit_exceeded")
        .hasMessageContaining("daily deposit limit is 100.00; 40.00 is left");
    limits.checkDeposit(alice.id(), 4_000);

    clock.advance(Duration.ofHours(24).plusSeconds(1));
    limits.checkDeposit(alice.id(), 10_000);
  }

  @Test
  void stakesCountAgainstTheStakeLimitAndLossesNetOfPayoutsAgainstTheLossLimit() {
    deposit(50_000);
    limits.set(alice.id(), LimitKind.STAKE, LimitPeriod.WEEK, OptionalLong.of(20_000));
    limits.set(alice.id(), LimitKind.LOSS, LimitPeriod.DAY, OptionalLong.of(5_000));

    Hold lost = stake(4_000);
    ledger.post(PostRequest.full(UUID.randomUUID(), lost.id()));
    assertThatThrownBy(() -> limits.checkStake(alice.id(), 1_500))
        .isInstanceOf(ConflictException.class)
        .hasFieldOrPropertyWithValue("code", "loss_limit_exceeded")
        .hasMessageContaining("daily loss limit is 50.00; 10.00 is left");

    Hold won = stake(1_000);
    ledger.post(PostRequest.full(UUID.randomUUID(), won.id()));
    ledger.transfer(
        new TransferRequest(
            UUID.randomUUID(), house.id(), alice.id(), 3_000, "EUR", TransferKind.PAYOUT, null));
    limits.checkStake(alice.id(), 3_000);

    Hold voided = stake(5_000);
    ledger.voidHold(voided.id());
    // Net loss today is 40 + 10 - 30 = 20.00; counting the voided 50.00 would refuse even 10.00.
    limits.checkStake(alice.id(), 1_000);

    clock.advance(Duration.ofDays(2));
    limits.set(alice.id(), LimitKind.STAKE, LimitPeriod.WEEK, OptionalLong.of(6_000));
    assertThatThrownBy(() -> limits.checkStake(alice.id(), 1_500))
        .as("this week's stakes (40 + 10) and 15 would pass 60.00, though today's losses are nil")
        .isInstanceOf(ConflictException.class)
        .hasFieldOrPropertyWithValue("code", "stake_limit_exceeded")
        .hasMessageContaining("weekly stake limit is 60.00; 10.00 is left");
    limits.checkStake(alice.id(), 1_000);
  }

  @Test
  void aTimeOutStopsDepositsAndBetsAndCannotBeShortened() {
    limits.timeOut(alice.id(), Duration.ofDays(7));

    assertThatThrownBy(() -> limits.checkStake(alice.id(), 100))
        .hasFieldOrPropertyWithValue("code", "account_excluded")
        .hasMessageContaining("time-out");
    assertThatThrownBy(() -> limits.checkDeposit(alice.id(), 100))
        .hasFieldOrPropertyWithValue("code", "account_excluded");
    assertThatThrownBy(() -> limits.timeOut(alice.id(), Duration.ofDays(1)))
        .hasFieldOrPropertyWithValue("code", "exclusion_cannot_shorten");
    assertThatThrownBy(() -> limits.timeOut(alice.id(), Duration.ofMinutes(10)))
        .hasFieldOrPropertyWithValue("code", "invalid_time_out");
    limits.timeOut(alice.id(), Duration.ofDays(14));

    clock.advance(Duration.ofDays(14));
    limits.checkStake(alice.id(), 100);
    assertThat(limits.exclusion(alice.id())).isEmpty();
  }

  @Test
  void aPermanentSelfExclusionCannotBeUndone() {
    assertThatThrownBy(() -> limits.selfExclude(alice.id(), Duration.ofDays(30)))
        .hasFieldOrPropertyWithValue("code", "invalid_self_exclusion");
    Exclusion forGood = limits.selfExclude(alice.id(), null);
    assertThat(forGood.until()).isNull();

    assertThatThrownBy(() -> limits.selfExclude(alice.id(), Duration.ofDays(365)))
        .hasFieldOrPropertyWithValue("code", "exclusion_cannot_shorten");
    assertThatThrownBy(() -> limits.timeOut(alice.id(), Duration.ofDays(7)))
        .hasFieldOrPropertyWithValue("code", "exclusion_cannot_shorten");
    clock.advance(Duration.ofDays(3_650));
    assertThatThrownBy(() -> limits.checkDeposit(alice.id(), 100))
        .hasFieldOrPropertyWithValue("code", "account_excluded")
        .hasMessageContaining("for good");
  }

  @Test
  void everyKindAndPeriodRefusesPastItsLimitUntilTheWindowRollsOnAndARaiseWaitsTheCoolingOff() {
    for (LimitKind kind : LimitKind.values()) {
      for (LimitPeriod period : LimitPeriod.values()) {
        String what = kind + " over " + period;
        Account wallet = ledger.openAccount(AccountKind.PLAYER_WALLET, "p-" + what, "EUR");
        if (kind != LimitKind.DEPOSIT) {
          fund(wallet, 100_000); // money to stake; a deposit would count against a deposit limit
        }
        limits.set(wallet.id(), kind, period, OptionalLong.of(5_000));
        use(kind, wallet, 5_000);
        assertOver(kind, wallet, 1, what);

        PlayerLimit lowered = limits.set(wallet.id(), kind, period, OptionalLong.of(4_000));
        assertThat(lowered.amount()).as(what).hasValue(4_000);
        PlayerLimit raised = limits.set(wallet.id(), kind, period, OptionalLong.of(20_000));
        assertThat(raised.amount()).as("%s: the lower limit holds meanwhile", what).hasValue(4_000);
        assertThat(raised.pendingAmount()).as(what).hasValue(20_000);
        clock.advance(PlayerLimits.COOLING_OFF.minusHours(1));
        assertOver(kind, wallet, 1, what + ", an hour before the raise");

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        assertThat(limits.limits(wallet.id()))
            .singleElement()
            .satisfies(l -> assertThat(l.amount()).as(what).hasValue(20_000));
        if (period == LimitPeriod.DAY) {
          check(kind, wallet, 20_000); // the day's window has rolled past the first use
        } else {
          check(kind, wallet, 15_000);
          assertOver(kind, wallet, 15_001, what + ", still inside its window");
          clock.advance(period.length().minus(PlayerLimits.COOLING_OFF));
          check(kind, wallet, 20_000);
        }
      }
    }
  }

  private void fund(Account wallet, long amount) {
    ledger.transfer(
        new TransferRequest(
            UUID.randomUUID(),
            clearing.id(),
            wallet.id(),
            amount,
            "EUR",
            TransferKind.DEPOSIT,
            null));
  }

  /** Deposits, or stakes and loses, {@code amount}: what a limit of {@code kind} counts. */
  private void use(LimitKind kind, Account wallet, long amount) {
    if (kind == LimitKind.DEPOSIT) {
      fund(wallet, amount);
      return;
    }
    Hold hold =
        ledger.hold(
            new HoldRequest(
                UUID.randomUUID(),
                wallet.id(),
                house.id(),
                amount,
                "EUR",
                TransferKind.STAKE,
                Duration.ofHours(1),
                null));
    ledger.post(PostRequest.full(UUID.randomUUID(), hold.id()));
  }

  private void check(LimitKind kind, Account wallet, long amount) {
    if (kind == LimitKind.DEPOSIT) {
      limits.checkDeposit(wallet.id(), amount);
    } else {
      limits.checkStake(wallet.id(), amount);
    }
  }

  private void assertOver(LimitKind kind, Account wallet, long amount, String what) {
    assertThatThrownBy(() -> check(kind, wallet, amount))
        .as(what)
        .isInstanceOf(ConflictException.class)
        .hasFieldOrPropertyWithValue(
            "code", kind.name().toLowerCase(java.util.Locale.ROOT) + "_limit_exceeded");
  }

  private PlayerLimit only() {
    List<PlayerLimit> all = limits.limits(alice.id());
    assertThat(all).hasSize(1);
    return all.getFirst();
  }

  private void deposit(long amount) {
    ledger.transfer(
        new TransferRequest(
            UUID.randomUUID(),
            clearing.id(),
            alice.id(),
            amount,
            "EUR",
            TransferKind.DEPOSIT,
            null));
  }

  private Hold stake(long amount) {
    return ledger.hold(
        new HoldRequest(
            UUID.randomUUID(),
            alice.id(),
            house.id(),
            amount,
            "EUR",
            TransferKind.STAKE,
            Duration.ofHours(1),
            null));
  }
}
