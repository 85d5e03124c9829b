package dev.slipstream.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.ledger.spi.HoldBacking;
import dev.slipstream.platform.db.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Kills a process in the middle of a transfer storm ({@code kill -9}) and checks what it left:
 * every transfer it acknowledged is in the ledger, nothing is half-applied, the books balance, and
 * a new ledger carries on.
 */
class LedgerCrashIT {
  private static final int ACKS_BEFORE_KILL = 3_000;

  @Test
  void everyAcknowledgedTransferSurvivesAKillNineAndTheBooksStillBalance() throws Exception {
    Database db = LedgerSchema.fresh();
    String url = jdbcUrl(db);
    Account clearing;
    Account escrow;
    List<Long> wallets = new ArrayList<>();
    try (Ledger setup =
        Ledger.postgres(
            db.dataSource(),
            InstantSource.system(),
            LedgerSettings.defaults().withoutSweeper(),
            null)) {
      clearing = setup.openAccount(AccountKind.PAYMENT_CLEARING, "psp", "EUR");
      escrow = setup.openAccount(AccountKind.BET_ESCROW, "mkt", "EUR");
      for (int i = 0; i < 50; i++) {
        wallets.add(setup.openAccount(AccountKind.PLAYER_WALLET, "p" + i, "EUR").id());
      }
    }

    Process storm =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                TransferStorm.class.getName(),
                url,
                Long.toString(clearing.id()),
                Long.toString(escrow.id()),
                wallets.stream().map(String::valueOf).collect(Collectors.joining(",")))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    CountDownLatch enough = new CountDownLatch(1);
    Thread reader = Thread.ofVirtual().start(() -> readAcks(storm, acknowledged, enough));
    boolean reached = enough.await(90, TimeUnit.SECONDS);
    storm.destroyForcibly();
    assertThat(storm.waitFor(30, TimeUnit.SECONDS)).isTrue();
    reader.join();
    assertThat(reached).as("the storm acknowledged %d transfers", ACKS_BEFORE_KILL).isTrue();

    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
    assertThat(countPresent(db, acknowledged)).isEqualTo(acknowledged.size());
    ReconciliationReport report =
        Reconciliation.postgres(
                db.dataSource(), InstantSource.system(), HoldBacking.unchecked(), null)
            .run();
    assertThat(report.discrepancies()).isEmpty();
    assertThat(report.transfers()).isGreaterThanOrEqualTo(acknowledged.size());
    System.err.printf(
        "crash test: killed after %d acknowledged transfers; %d transfers committed%n",
        acknowledged.size(), report.transfers());

    try (Ledger after =
        Ledger.postgres(
            db.dataSource(),
            InstantSource.system(),
            LedgerSettings.defaults().withoutSweeper(),
            null)) {
      Transfer next =
          after.transfer(
              TransferRequest.of(
                  UUID.randomUUID(),
                  clearing.id(),
                  wallets.getFirst(),
                  1,
                  "EUR",
                  TransferKind.DEPOSIT));
      assertThat(next.id()).isPositive();
    }
  }

  private static void readAcks(Process storm, Set<UUID> acknowledged, CountDownLatch enough) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(storm.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("ack ")) {
          try {
            acknowledged.add(UUID.fromString(line.substring(4).strip()));
          } catch (IllegalArgumentException cutOffByTheKill) {
            continue;
          }
          if (acknowledged.size() >= ACKS_BEFORE_KILL) {
            enough.countDown();
          }
        }
      }
    } catch (IOException e) {
      // the pipe closes when the process dies
    }
  }

  private static long countPresent(Database db, Set<UUID> ids) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM ledger.transfers WHERE idempotency_id = ANY(?)")) {
      s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The URL this test's embedded server answers on, for the child process to connect to. */
  private static String jdbcUrl(Database db) throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      String url = c.getMetaData().getURL();
      String user = c.getMetaData().getUserName();
      return url.contains("user=") ? url : url + (url.contains("?") ? "&" : "?") + "user=" + user;
    }
  }
}
