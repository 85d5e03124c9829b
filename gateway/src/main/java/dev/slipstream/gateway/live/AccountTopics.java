package dev.slipstream.gateway.live;

import dev.slipstream.platform.bus.BusLimits;
import dev.slipstream.platform.bus.EventBus;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.BetSettlement;
import dev.slipstream.wire.v1.ServerMessage;
import dev.slipstream.wire.v1.WalletUpdate;

/**
 * The bus topic of one account's private feed, {@code account.<userId>}: each event is a {@code
 * ServerMessage} carrying only a {@code bet_result}, a {@code bet_settlement} or a {@code
 * wallet_update}, which {@code TOPIC_ACCOUNT} subscriptions deliver with their subscription id and
 * sequence added.
 */
public final class AccountTopics {
  /** What every account topic's name starts with. */
  public static final String PREFIX = "account.";

  /**
   * How many events each account topic retains for a client that resumes: there is one topic per
   * user, so together they grow with the users (about 300 bytes an event: at 1,000 a user kept 300
   * kB in memory for every user who had bet a thousand times, and every one of those events is
   * walked by each major collection). A hundred covers a reconnect of most of a minute for a bettor
   * placing a bet every second (a bet adds its result and the wallet after it); a client that
   * resumes from further back gets a fresh subscription with a snapshot, and the app reloads its
   * bets.
   */
  public static final int RETAINED_EVENTS = 100;

  private AccountTopics() {}

  /** Returns the bus limits {@code limits} with the account topics' own retention. */
  public static BusLimits retention(BusLimits limits) {
    return limits.withRetention(PREFIX, RETAINED_EVENTS);
  }

  /** Returns the topic of {@code userId}'s feed. */
  public static String topic(String userId) {
    return PREFIX + userId;
  }

  /** Appends a bet result to {@code userId}'s feed and returns its offset. */
  public static long publish(EventBus bus, String userId, BetResult result) {
    return bus.append(
        topic(userId), ServerMessage.newBuilder().setBetResult(result).build().toByteArray());
  }

  /** Appends a bet's settlement to {@code userId}'s feed and returns its offset. */
  public static long publish(EventBus bus, String userId, BetSettlement settlement) {
    return bus.append(
        topic(userId),
        ServerMessage.newBuilder().setBetSettlement(settlement).build().toByteArray());
  }

  /** Appends a wallet balance to {@code userId}'s feed and returns its offset. */
  public static long publish(EventBus bus, String userId, WalletUpdate wallet) {
    return bus.append(
        topic(userId), ServerMessage.newBuilder().setWalletUpdate(wallet).build().toByteArray());
  }
}
