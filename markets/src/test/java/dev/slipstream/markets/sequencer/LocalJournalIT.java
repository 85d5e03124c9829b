package dev.slipstream.markets.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.Discrepancy;
import dev.slipstream.ledger.Hold;
import dev.slipstream.ledger.TransferKind;
import dev.slipstream.ledger.limits.LimitKind;
import dev.slipstream.ledger.limits.LimitPeriod;
import dev.slipstream.markets.engine.EngineCommand;
import dev.slipstream.markets.engine.RiskLimits;
import dev.slipstream.wire.v1.BetRejectCode;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.BetStatus;
import dev.slipstream.wire.v1.PlaceBet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shard on its local journal: a bet is answered from the file and a float on the wallet, its
 * stake reaches the ledger with the next drain, the wallet's money never moves twice, a restart
 * finds the same state, and floats go back to their wallets when the shard stops.
 */
class LocalJournalIT {
  @TempDir Path folder;
  private ShardFixture fixture;

  private void start(boolean withLimits) throws SQLException {
    fixture = new ShardFixture(withLimits, folder.resolve("journal"));
    fixture.openYesNo("m1");
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void aBetIsAnsweredFromAFloatAndItsStakeIsHeldInTheLedgerAfterTheDrain() throws Exception {
    start(false);

    BetResult accepted = fixture.shard.place(bet("r1", fixture.alice, 100)).join();

    assertThat(accepted.getStatus()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    ShardFixture.await(
        () -> stakeHold(accepted.getBetId()) != null, "the stake's hold drained to the ledger");
    Hold stake = Objects.requireNonNull(stakeHold(accepted.getBetId()));
    assertThat(stake.amount()).isEqualTo(100);
    assertThat(stake.kind()).isEqualTo(TransferKind.STAKE);
    List<Hold> floats = fixture.ledger.openFloats(FloatTopUps.metadata("test"));
    assertThat(floats)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.debitAccountId()).isEqualTo(fixture.alice.id());
              assertThat(f.amount())
                  .as("a quarter of the wallet reserved, one stake drawn")
                  .isEqualTo(10_000 / 4 - 100);
            });
    Account alice = fixture.ledger.account(fixture.alice.id());
    assertThat(alice.balance()).isEqualTo(10_000);
    assertThat(alice.held()).isEqualTo(10_000 / 4);
    assertThat(fixture.reconcile().clean()).isTrue();
  }

  @Test
  void aWalletThatCannotCoverAStakeIsRefusedAndItsOtherBetsStillStand() throws Exception {
    start(false);

    BetResult first = fixture.shard.place(bet("r1", fixture.bob, 6_000)).join();
    BetResult second = fixture.shard.place(bet("r2", fixture.bob, 6_000)).join();
    BetResult third = fixture.shard.place(bet("r3", fixture.bob, 4_000)).join();

    assertThat(first.getStatus())
        .as("a float of the stake alone")
        .isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    assertThat(second.getRejectCode()).isEqualTo(BetRejectCode.BET_REJECT_CODE_INSUFFICIENT_FUNDS);
    assertThat(third.getStatus())
        .as("covered by what the float has left, though it waited behind the refused one")
        .isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    fixture.restart();

    assertThat(fixture.ledger.openFloats(FloatTopUps.metadata("test")))
        .as("the floats went back when the shard stopped")
        .isEmpty();
    Account bob = fixture.ledger.account(fixture.bob.id());
    assertThat(bob.held()).as("the two stakes").isEqualTo(10_000);
    assertThat(fixture.reconcile().clean()).isTrue();
  }

  @Test
  void aRestartReplaysTheSameStateAndEveryStandingBetKeepsItsStake() throws Exception {
    start(false);
    List<CompletableFuture<BetResult>> answers = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      answers.add(
          fixture.shard.place(bet("r" + i, i % 2 == 0 ? fixture.alice : fixture.bob, 10 + i % 50)));
    }
    List<String> accepted = new ArrayList<>();
    for (CompletableFuture<BetResult> answer : answers) {
      BetResult result = answer.join();
      if (result.getStatus() == BetStatus.BET_STATUS_ACCEPTED) {
        accepted.add(result.getBetId());
      }
    }
    long hash = fixture.shard.stateHash();

    BetSequencer again = fixture.restart();

    assertThat(again.stateHash()).isEqualTo(hash);
    assertThat(accepted).as("every bet: the wallets cover them all").hasSize(200);
    for (String betId : accepted) {
      assertThat(stakeHold(betId)).as("the stake of bet " + betId).isNotNull();
    }
    assertThat(fixture.reconcile().clean()).isTrue();
  }

  @Test
  void aWalletWithALimitGetsNoFloatAndItsStakesAreChecked() throws Exception {
    start(true);
    Objects.requireNonNull(fixture.limits)
        .set(fixture.bob.id(), LimitKind.STAKE, LimitPeriod.DAY, OptionalLong.of(1_500));

    BetResult first = fixture.shard.place(bet("r1", fixture.bob, 1_000)).join();
    BetResult over = fixture.shard.place(bet("r2", fixture.bob, 1_000)).join();

    assertThat(first.getStatus()).isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    assertThat(over.getRejectCode()).isEqualTo(BetRejectCode.BET_REJECT_CODE_LIMIT_EXCEEDED);
    assertThat(fixture.ledger.openFloats(FloatTopUps.metadata("test"))).isEmpty();
    ShardFixture.await(
        () -> fixture.ledger.account(fixture.bob.id()).held() == 1_000, "only the first held");
  }

  @Test
  void reconciliationReportsAFloatOfTheShardThatTheShardDoesNotHold() throws Exception {
    start(false);
    assertThat(fixture.shard.place(bet("r1", fixture.alice, 100)).join().getStatus())
        .isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    Hold stray =
        fixture.ledger.hold(
            new dev.slipstream.ledger.HoldRequest(
                java.util.UUID.randomUUID(),
                fixture.bob.id(),
                fixture.house.id(),
                500,
                "EUR",
                TransferKind.BET_FLOAT,
                java.time.Duration.ofHours(1),
                FloatTopUps.metadata("test")));

    assertThat(fixture.reconcile().discrepancies())
        .as("the shard's own float on alice is backed; the stray one on bob is not")
        .containsExactly(new Discrepancy.UnbackedHold(stray.id(), fixture.bob.id(), 500));
  }

  @Test
  void whatTheFileHoldsBeyondPostgresIsDrainedBeforeTheShardReplays() throws Exception {
    start(false);

    fixture.restartAfter(() -> appendToTheStoppedShardsFile(open("m2")));

    assertThat(fixture.shard.place(bet("r1", fixture.alice, 100, "m2")).join().getStatus())
        .as("the market the file alone knew of")
        .isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
    assertThat(count("SELECT count(*) FROM markets.journal WHERE command = ?", open("m2")))
        .isEqualTo(1);
  }

  @Test
  void switchingBackToThePostgresJournalDrainsTheFileFirstAndRemovesIt() throws Exception {
    start(false);
    fixture.shard.close();
    appendToTheStoppedShardsFile(open("m2"));

    int drained =
        LocalJournalStart.drainAndRemove(
            journal(),
            fixture.db.dataSource(),
            fixture.ledger,
            "test",
            java.time.Clock.systemUTC());

    assertThat(drained).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM markets.journal WHERE command = ?", open("m2")))
        .isEqualTo(1);
    try (java.util.stream.Stream<Path> left = java.nio.file.Files.list(journal())) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".journal"));
    }
    fixture.shard =
        BetSequencer.start(
            "test",
            fixture.db.dataSource(),
            fixture.ledger,
            fixture.house.id(),
            null,
            java.time.Clock.systemUTC(),
            System::nanoTime);
    assertThat(fixture.shard.place(bet("r1", fixture.alice, 100, "m2")).join().getStatus())
        .isEqualTo(BetStatus.BET_STATUS_ACCEPTED);
  }

  private Path journal() {
    return folder.resolve("journal");
  }

  private static byte[] open(String marketId) {
    return CommandCodec.encode(
        new EngineCommand.Open(
            marketId,
            "str",
            "EUR",
            List.of("yes", "no"),
            new int[] {25_000, 15_000},
            new RiskLimits(10, 50_000, 2_000_000, 1_000, 1_000)));
  }

  /** Appends a command to the stopped shard's file, as a crash before its drain would leave it. */
  private void appendToTheStoppedShardsFile(byte[] command) {
    try (dev.slipstream.markets.journal.LocalJournal file =
        dev.slipstream.markets.journal.LocalJournal.open(
            journal(), LocalBetJournal.SEGMENT_BYTES)) {
      long through = JournalDrain.drainedThrough(fixture.db.dataSource(), "test");
      if (file.lastSeq() < through) {
        file.startAfter(through);
      }
      file.append(
          List.of(
              new dev.slipstream.markets.journal.JournalRecord(
                  file.lastSeq() + 1, LocalRecord.encode(new LocalRecord.Command(command)))));
    } catch (java.io.IOException | SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long count(String sql, byte[] parameter) throws SQLException {
    try (Connection c = fixture.db.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setBytes(1, parameter);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private Hold stakeHold(String betId) {
    try (Connection c = fixture.db.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id FROM ledger.holds WHERE metadata = ? AND kind = 'stake'")) {
      s.setString(1, "bet:" + betId);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next() ? fixture.ledger.findHold(rows.getLong(1)).orElseThrow() : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PlaceBet bet(String request, Account account, long stake) {
    return bet(request, account, stake, "m1");
  }

  private static PlaceBet bet(String request, Account account, long stake, String marketId) {
    return PlaceBet.newBuilder()
        .setRequestId(request)
        .setAccountId(Long.toString(account.id()))
        .setMarketId(marketId)
        .setSelectionId("yes")
        .setStakeMinor(stake)
        .setCurrency("EUR")
        .setPriceVersionSeen(1)
        .setDecimalOddsBpSeen(25_000)
        .setMediaTimeUs(1_000_000)
        .build();
  }
}
