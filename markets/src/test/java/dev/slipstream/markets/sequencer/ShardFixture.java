package dev.slipstream.markets.sequencer;

import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.AccountKind;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.LedgerSettings;
import dev.slipstream.ledger.Reconciliation;
import dev.slipstream.ledger.ReconciliationReport;
import dev.slipstream.ledger.TransferKind;
import dev.slipstream.ledger.TransferRequest;
import dev.slipstream.ledger.limits.PlayerLimits;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A real ledger and one bet shard on the test JVM's embedded PostgreSQL, both schemas fresh: a
 * house account and two players, Alice and Bob, with 100.00 each.
 */
public final class ShardFixture implements AutoCloseable {
  public final Database db;
  public final Ledger ledger;
  public final Account house;
  public final Account alice;
  public final Account bob;
  public BetSequencer shard;
  public final @org.jspecify.annotations.Nullable PlayerLimits limits;
  private final java.nio.file.@org.jspecify.annotations.Nullable Path localJournal;

  public ShardFixture() throws SQLException {
    this(false);
  }

  /** With {@code withLimits}, stakes are checked against players' limits before they are held. */
  public ShardFixture(boolean withLimits) throws SQLException {
    this(withLimits, null);
  }

  /**
   * The same, the shard journaling to {@code localJournal} (drained to PostgreSQL, stakes drawn
   * from floats) when given.
   */
  public ShardFixture(
      boolean withLimits, java.nio.file.@org.jspecify.annotations.Nullable Path localJournal)
      throws SQLException {
    this.localJournal = localJournal;
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
    Account clearing = ledger.openAccount(AccountKind.PAYMENT_CLEARING, "psp", "EUR");
    alice = ledger.openAccount(AccountKind.PLAYER_WALLET, "alice", "EUR");
    bob = ledger.openAccount(AccountKind.PLAYER_WALLET, "bob", "EUR");
    for (Account player : List.of(alice, bob)) {
      ledger.transfer(
          new TransferRequest(
              UUID.randomUUID(),
              clearing.id(),
              player.id(),
              10_000,
              "EUR",
              TransferKind.DEPOSIT,
              null));
    }
    limits = withLimits ? PlayerLimits.postgres(db.dataSource(), Clock.systemUTC()) : null;
    shard = startShard();
  }

  /** Closes the shard and starts it again from its journal. */
  public BetSequencer restart() {
    shard.close();
    shard = startShard();
    return shard;
  }

  /**
   * Closes the shard, runs {@code whileStopped} (which may write to the journal as a crashed shard
   * left it), and starts the shard again from its journal.
   */
  public BetSequencer restartAfter(Runnable whileStopped) {
    shard.close();
    whileStopped.run();
    shard = startShard();
    return shard;
  }

  /**
   * Opens a yes/no market on stream {@code str} in EUR: yes at 2.50, no at 1.50, stakes 10 to
   * 50,000, liability cap 2,000,000, 1,000 bets a second per account.
   */
  public void openYesNo(String marketId) {
    shard
        .submit(
            new dev.slipstream.markets.engine.EngineCommand.Open(
                marketId,
                "str",
                "EUR",
                List.of("yes", "no"),
                new int[] {25_000, 15_000},
                new dev.slipstream.markets.engine.RiskLimits(10, 50_000, 2_000_000, 1_000, 1_000)))
        .join();
  }

  /** Reconciles the ledger, asking the current shard which holds are its bets'. */
  public ReconciliationReport reconcile() {
    return Reconciliation.postgres(db.dataSource(), Clock.systemUTC(), shard.holdBacking(), null)
        .run();
  }

  /** Waits up to 5 s for a condition the ledger reaches asynchronously. */
  public static void await(java.util.function.BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within 5 s: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private BetSequencer startShard() {
    try {
      return BetSequencer.start(
          "test",
          db.dataSource(),
          ledger,
          house.id(),
          limits,
          localJournal == null ? JournalPlace.postgres() : new JournalPlace.Local(localJournal),
          Clock.systemUTC(),
          System::nanoTime);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    shard.close();
    ledger.close();
  }
}
