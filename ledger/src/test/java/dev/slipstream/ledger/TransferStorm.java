package dev.slipstream.ledger;

import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.DatabaseLocation;
import java.io.PrintStream;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The child process of {@link LedgerCrashIT}: runs a storm of deposits, transfers and bets against
 * an already migrated ledger and prints {@code ack <idempotency id>} for every transfer the ledger
 * acknowledged, until it is killed.
 *
 * <p>Arguments: JDBC URL, clearing account id, escrow account id, comma-separated wallet ids.
 */
public final class TransferStorm {
  private static final int CLIENTS = 64;

  private TransferStorm() {}

  /** Runs the storm until the process is killed. */
  public static void main(String[] args) throws InterruptedException {
    String url = args[0];
    long clearing = Long.parseLong(args[1]);
    long escrow = Long.parseLong(args[2]);
    long[] wallets = Arrays.stream(args[3].split(",")).mapToLong(Long::parseLong).toArray();
    PrintStream out = System.out;
    Database db = Database.open(new DatabaseLocation.External(url, "", ""), 4, null);
    Ledger ledger =
        Ledger.postgres(
            db.dataSource(),
            InstantSource.system(),
            LedgerSettings.defaults().withoutSweeper(),
            null);
    out.println("ready");
    out.flush();
    for (int i = 0; i < CLIENTS; i++) {
      SplittableRandom random = new SplittableRandom(i);
      Thread.ofVirtual().start(() -> storm(ledger, random, clearing, escrow, wallets, out));
    }
    Thread.sleep(Duration.ofMinutes(5));
  }

  private static void storm(
      Ledger ledger,
      SplittableRandom random,
      long clearing,
      long escrow,
      long[] wallets,
      PrintStream out) {
    while (true) {
      long wallet = wallets[random.nextInt(wallets.length)];
      int roll = random.nextInt(10);
      if (roll < 3) {
        ack(
            ledger.submit(
                request(clearing, wallet, 1 + random.nextInt(1_000), TransferKind.DEPOSIT)),
            out);
      } else if (roll < 8) {
        long other = wallets[random.nextInt(wallets.length)];
        if (other != wallet) {
          ack(
              ledger.submit(request(wallet, other, 1 + random.nextInt(500), TransferKind.TRANSFER)),
              out);
        }
      } else {
        Outcome<Hold> held =
            ledger
                .submitHold(
                    new HoldRequest(
                        UUID.randomUUID(),
                        wallet,
                        escrow,
                        1 + random.nextInt(300),
                        "EUR",
                        TransferKind.STAKE,
                        Duration.ofMinutes(1),
                        null))
                .join();
        if (held instanceof Outcome.Done<Hold> done) {
          ack(ledger.submitPost(PostRequest.full(UUID.randomUUID(), done.value().id())), out);
        }
      }
    }
  }

  private static TransferRequest request(long from, long to, long amount, TransferKind kind) {
    return TransferRequest.of(UUID.randomUUID(), from, to, amount, "EUR", kind);
  }

  private static void ack(
      java.util.concurrent.CompletableFuture<Outcome<Transfer>> result, PrintStream out) {
    if (result.join() instanceof Outcome.Done<Transfer> done) {
      synchronized (out) {
        out.println("ack " + done.value().idempotencyId());
        out.flush();
      }
    }
  }
}
