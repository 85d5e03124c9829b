package dev.slipstream.gateway.live;

import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.platform.bus.EventBus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes bettors' wallets to their account topics after their bets, batched: a bet's wallet is
 * marked once the bet is durable, and one read of every marked wallet, {@link #GATHER_MS} after the
 * first mark, publishes each once. At thousands of bets a second that is one statement every few
 * milliseconds instead of one per bet, and a wallet still reaches its bettor within tens of
 * milliseconds, never older than the bet that marked it.
 */
final class WalletPublisher implements AutoCloseable {
  /** How long marks gather before their read. */
  static final long GATHER_MS = 20;

  private static final Logger log = LoggerFactory.getLogger(WalletPublisher.class);

  private final Supplier<@Nullable Ledger> ledger;
  private final Supplier<EventBus> bus;
  private final Map<Long, String> marked = new ConcurrentHashMap<>();
  private final Semaphore signal = new Semaphore(0);
  private final Thread thread;
  private volatile boolean running = true;

  WalletPublisher(Supplier<@Nullable Ledger> ledger, Supplier<EventBus> bus) {
    this.ledger = ledger;
    this.bus = bus;
    this.thread = Thread.ofVirtual().name("wallet-publisher").start(this::run);
  }

  /** Marks {@code walletId} (of {@code userId}) to be published; call after its bet is durable. */
  void mark(String userId, long walletId) {
    if (marked.put(walletId, userId) == null) {
      signal.release();
    }
  }

  private void run() {
    while (running) {
      try {
        if (!signal.tryAcquire(200, TimeUnit.MILLISECONDS)) {
          continue;
        }
        Thread.sleep(GATHER_MS);
        signal.drainPermits();
        publishMarked();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("publishing wallets failed: {}", e.toString());
      }
    }
  }

  private void publishMarked() {
    Ledger reader = ledger.get();
    if (reader == null || marked.isEmpty()) {
      return;
    }
    // Taken off before the read: a bet marked after this point gets a read of its own.
    Map<Long, String> taken = new java.util.HashMap<>();
    for (Long wallet : new ArrayList<>(marked.keySet())) {
      String user = marked.remove(wallet);
      if (user != null) {
        taken.put(wallet, user);
      }
    }
    List<Account> wallets = reader.findAccounts(taken.keySet());
    EventBus target = bus.get();
    for (Account wallet : wallets) {
      AccountTopics.publish(target, taken.get(wallet.id()), wallet.toWalletUpdate());
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
