package dev.slipstream.gateway.live;

import dev.slipstream.gateway.auth.Accounts;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What every socket of one gateway shares: the services, the topic fan-outs, the batched wallet
 * publisher, and the request rate buckets of signed-in accounts (an account's sockets share one
 * bucket).
 */
final class LiveHub implements AutoCloseable {
  private final LiveServices services;
  private final @Nullable Accounts accounts;
  private final InstantSource clock;
  private final Fanouts fanouts;
  private final Map<String, TokenBucket> accountBuckets = new ConcurrentHashMap<>();
  private final AccountFeedPublisher accountFeeds;

  LiveHub(LiveServices services, @Nullable Accounts accounts, InstantSource clock) {
    this.services = services;
    this.accounts = accounts;
    this.clock = clock;
    this.fanouts = new Fanouts(services.bus(), FanoutShards.perProcessor());
    this.accountFeeds = new AccountFeedPublisher(services::ledger, services::bus);
  }

  /** Publishes socket bets' results and wallets to account topics, batched. */
  AccountFeedPublisher accountFeeds() {
    return accountFeeds;
  }

  LiveServices services() {
    return services;
  }

  LiveSettings settings() {
    return services.settings();
  }

  @Nullable Accounts accounts() {
    return accounts;
  }

  Fanouts fanouts() {
    return fanouts;
  }

  /** The bucket of a signed-in account, shared by its sockets. */
  TokenBucket bucketOf(String userId) {
    return accountBuckets.computeIfAbsent(userId, id -> newBucket());
  }

  /** A bucket of an anonymous socket's own. */
  TokenBucket newBucket() {
    return new TokenBucket(settings().requestsPerSecond(), settings().requestBurst(), clock);
  }

  /** The hub's clock. */
  InstantSource clock() {
    return clock;
  }

  @Override
  public void close() {
    accountFeeds.close();
    fanouts.close();
  }
}
