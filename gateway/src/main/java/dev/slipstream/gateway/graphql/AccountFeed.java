package dev.slipstream.gateway.graphql;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.slipstream.gateway.auth.Caller;
import dev.slipstream.gateway.live.AccountTopics;
import dev.slipstream.markets.service.MarketService;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.bus.EventBus;
import dev.slipstream.platform.bus.TopicEvent;
import dev.slipstream.wire.v1.BetResult;
import dev.slipstream.wire.v1.BetSettlement;
import dev.slipstream.wire.v1.ServerMessage;
import dev.slipstream.wire.v1.WalletUpdate;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

/**
 * The signed-in bettor's own feed as GraphQL subscriptions: {@code walletUpdates} and {@code
 * myBets} read the caller's account topic ({@code account.<userId>}, the one {@code TOPIC_ACCOUNT}
 * live-socket subscriptions read), in bus order, resumable from a sequence.
 */
final class AccountFeed {
  private final @Nullable EventBus bus;

  AccountFeed(@Nullable EventBus bus) {
    this.bus = bus;
  }

  void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Subscription",
        type ->
            type.dataFetcher("walletUpdates", env -> feed(env, AccountFeed::wallet))
                .dataFetcher("myBets", env -> feed(env, AccountFeed::bet)));
  }

  private <T> Publisher<T> feed(
      DataFetchingEnvironment env, Function<TopicEvent, @Nullable T> map) {
    Caller caller = CallerContext.bettor(env);
    Long from = env.getArgument("fromSequence");
    if (from != null && from < 1) {
      throw new InvalidInputException(
          "invalid_sequence", "fromSequence is a sequence seen before plus one (was " + from + ")");
    }
    if (bus == null) {
      throw new InvalidInputException(
          "no_live_updates", "this server has no bus, so no live updates");
    }
    EventBus topics = bus;
    String topic = AccountTopics.topic(caller.userId());
    return new TopicPublisher<>(
        topics, topic, () -> from != null ? from : topics.latestOffset(topic) + 1, map);
  }

  private static @Nullable ServerMessage parse(TopicEvent event) {
    try {
      return ServerMessage.parseFrom(event.payload());
    } catch (InvalidProtocolBufferException e) {
      return null;
    }
  }

  private static @Nullable WalletView wallet(TopicEvent event) {
    ServerMessage message = parse(event);
    if (message == null || !message.hasWalletUpdate()) {
      return null;
    }
    WalletUpdate w = message.getWalletUpdate();
    return new WalletView(
        event.offset(),
        w.getAccountId(),
        w.getCurrency(),
        w.getBalanceMinor(),
        w.getAvailableMinor(),
        w.getHeldMinor(),
        w.getVersion());
  }

  private static @Nullable BetNews bet(TopicEvent event) {
    ServerMessage message = parse(event);
    if (message == null) {
      return null;
    }
    if (message.hasBetResult()) {
      BetResult r = message.getBetResult();
      return new BetNews(
          event.offset(),
          "RESULT",
          r.getBetId(),
          r.getStatus().name().replace("BET_STATUS_", ""),
          r.getRejectCode().getNumber() == 0 ? null : MarketService.code(r.getRejectCode()),
          r.getRejectDetail().isEmpty() ? null : r.getRejectDetail(),
          r.getAcceptedOddsBp() == 0 ? null : r.getAcceptedOddsBp(),
          null,
          null,
          null,
          null);
    }
    if (message.hasBetSettlement()) {
      BetSettlement s = message.getBetSettlement();
      return new BetNews(
          event.offset(),
          "SETTLEMENT",
          s.getBetId(),
          null,
          null,
          null,
          null,
          s.getMarketId(),
          s.getState().name().replace("BET_SETTLEMENT_STATE_", ""),
          s.getPayoutMinor(),
          s.getCurrency());
    }
    return null;
  }

  /** A wallet balance from the account topic. */
  record WalletView(
      long sequence,
      String accountId,
      String currency,
      long balanceMinor,
      long availableMinor,
      long heldMinor,
      long version) {}

  /** A bet result or settlement from the account topic. */
  record BetNews(
      long sequence,
      String kind,
      String betId,
      @Nullable String status,
      @Nullable String rejectCode,
      @Nullable String detail,
      @Nullable Integer acceptedOddsBp,
      @Nullable String marketId,
      @Nullable String outcome,
      @Nullable Long payoutMinor,
      @Nullable String currency) {}
}
