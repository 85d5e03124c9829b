package dev.slipstream.gateway.live;

import dev.slipstream.ledger.Account;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.platform.bus.EventBus;
import dev.slipstream.wire.v1.BetResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes socket bets to their bettors' account topics, on a thread of its own: whatever thread
 * answers a bet (the shard's journal, once the bet is durable) hands its result over and never
 * waits for the bus, which may be a network away.
 *
 * <p>Results and wallets are batched: {@link #GATHER_MS} after the first bet of a batch, every
 * result is appended in the order the bets were answered, then one read of every wallet those bets
 * touched publishes each wallet once. At thousands of bets a second that is one statement every few
 * milliseconds instead of one per bet, and a wallet still reaches its bettor within tens of
 * milliseconds, after the bet's result and never older than it.
 */
final class AccountFeedPublisher implements AutoCloseable {
  /** How long results and wallets gather before they are published. */
  static final long GATHER_MS = 20;

  private static final Logger log = LoggerFactory.getLogger(AccountFeedPublisher.class);

  private final Supplier<@Nullable Ledger> ledger;
  private final Supplier<EventBus> bus;
  private final Queue<Answered> answered = new ConcurrentLinkedQueue<>();
  private final Map<Long, String> marked = new ConcurrentHashMap<>();
  private final Semaphore signal = new Semaphore(0);
  private final Thread thread;
  private volatile boolean running = true;

  AccountFeedPublisher(Supplier<@Nullable Ledger> ledger, Supplier<EventBus> bus) {
    this.ledger = ledger;
    this.bus = bus;
    this.thread = Thread.ofVirtual().name("account-feed-publisher").start(this::run);
  }

  private record Answered(String userId, BetResult result) {}

  /**
   * Publishes {@code result} to {@code userId}'s account topic, then {@code walletId} as it stands
   * after the bet; call once the bet is answered.
   */
  void betAnswered(String userId, long walletId, BetResult result) {
    answered.add(new Answered(userId, result));
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
    EventBus target = bus.get();
    // Results first: a wallet published below is never older than a result before it.
    for (Answered a = answered.poll(); a != null; a = answered.poll()) {
      AccountTopics.publish(target, a.userId(), a.result());
    }
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
