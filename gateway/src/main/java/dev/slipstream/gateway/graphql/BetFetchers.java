package dev.slipstream.gateway.graphql;

import dev.slipstream.gateway.auth.Caller;
import dev.slipstream.gateway.live.AccountTopics;
import dev.slipstream.gateway.markets.BetRoutes;
import dev.slipstream.gateway.markets.MarketRoutes;
import dev.slipstream.gateway.wallet.MoneyServices;
import dev.slipstream.markets.service.BetAnswer;
import dev.slipstream.markets.service.BetPage;
import dev.slipstream.markets.service.BetView;
import dev.slipstream.markets.service.MarketService;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.bus.EventBus;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The caller's bets over GraphQL, through the same calls as {@code /api/bets}: {@code myBets} and
 * {@code bet} read {@link MarketService#bets} and {@link MarketService#bet}; {@code placeBet} goes
 * to {@link MarketService#placeBet} with the same idempotency key rules, staked from the caller's
 * own wallet, and a refusal is an error whose {@code extensions.code} is the REST problem's code
 * ({@code extensions.replayed} when it repeats an earlier answer); an accepted bet's wallet is then
 * published on the caller's account topic. {@code cancelBet} cancels a bet still pending its bet
 * delay, as {@code POST /api/bets/{id}/cancel} does. All of them are for bettors.
 */
final class BetFetchers {
  private static final int MAX_PAGE = 200;

  private final @Nullable MarketService markets;
  private final @Nullable MoneyServices money;
  private final @Nullable EventBus bus;
  private final MarketFetchers marketFetchers;

  BetFetchers(
      @Nullable MarketService markets,
      @Nullable MoneyServices money,
      @Nullable EventBus bus,
      MarketFetchers marketFetchers) {
    this.markets = markets;
    this.money = money;
    this.bus = bus;
    this.marketFetchers = marketFetchers;
  }

  void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query", type -> type.dataFetcher("myBets", this::myBets).dataFetcher("bet", this::bet));
    wiring.type(
        "Mutation",
        type ->
            type.dataFetcher("placeBet", this::placeBet).dataFetcher("cancelBet", this::cancel));
    wiring.type(
        "Bet",
        type ->
            type.dataFetcher(
                    "evidenceUrl",
                    env -> {
                      BetView bet = env.getSource();
                      return bet.hasEvidence() ? MarketRoutes.evidenceUrl(bet.marketId()) : null;
                    })
                .dataFetcher(
                    "market", env -> marketFetchers.market(env.<BetView>getSource().marketId())));
  }

  private BetPageView myBets(DataFetchingEnvironment env) {
    Caller caller = CallerContext.bettor(env);
    MarketService service = CallerContext.served(markets, "bets");
    Integer first = env.getArgument("first");
    if (first == null || first < 1 || first > MAX_PAGE) {
      throw new InvalidInputException(
          "invalid_limit", "first must be 1 to " + MAX_PAGE + " (was " + first + ")");
    }
    String state = env.<String>getArgument("state").toLowerCase(Locale.ROOT);
    BetPage page = service.bets(caller.userId(), state, env.getArgument("after"), first);
    return new BetPageView(page.bets(), page.nextCursor());
  }

  private @Nullable BetView bet(DataFetchingEnvironment env) {
    Caller caller = CallerContext.bettor(env);
    return CallerContext.served(markets, "bets")
        .bet(caller.userId(), env.getArgument("id"))
        .orElse(null);
  }

  private DataFetcherResult<PlacedBet> placeBet(DataFetchingEnvironment env) {
    Caller caller = CallerContext.bettor(env);
    MarketService service = CallerContext.served(markets, "bets");
    MoneyServices wallets = CallerContext.served(money, "wallets");
    String key = BetRoutes.idempotencyKey(env.getArgument("idempotencyKey"));
    BetRoutes.BetBody body = body(env.getArgument("input"));
    if (BetRoutes.incomplete(body)) {
      throw new InvalidInputException(
          "invalid_request",
          "a bet needs marketId, selectionId, stakeMinor, currency, decimalOddsBp and"
              + " priceVersion");
    }
    long wallet = wallets.wallet(caller.userId()).id();
    return switch (service.placeBet(caller.userId(), wallet, key, BetRoutes.request(body))) {
      case BetAnswer.Placed placed -> {
        if (!placed.replay() && bus != null) {
          AccountTopics.publish(
              bus, caller.userId(), wallets.ledger().account(wallet).toWalletUpdate());
        }
        yield DataFetcherResult.<PlacedBet>newResult()
            .data(new PlacedBet(placed.bet(), placed.replay()))
            .build();
      }
      case BetAnswer.Refused refused ->
          DataFetcherResult.<PlacedBet>newResult()
              .error(
                  GraphqlErrorBuilder.newError(env)
                      .message("Bet refused: " + refused.detail())
                      .extensions(
                          Map.of(
                              "code",
                              refused.code(),
                              "status",
                              BetRoutes.status(refused.code()),
                              "replayed",
                              refused.replay()))
                      .build())
              .build();
    };
  }

  private BetView cancel(DataFetchingEnvironment env) {
    Caller caller = CallerContext.bettor(env);
    String id = env.getArgument("id");
    MoneyServices wallets = CallerContext.served(money, "wallets");
    BetView cancelled =
        CallerContext.served(markets, "bets")
            .cancelBet(caller.userId(), wallets.wallet(caller.userId()).id(), id);
    return cancelled;
  }

  private static BetRoutes.BetBody body(Map<String, Object> input) {
    return new BetRoutes.BetBody(
        (String) input.get("marketId"),
        (String) input.get("selectionId"),
        (Long) input.get("stakeMinor"),
        (String) input.get("currency"),
        (Integer) input.get("decimalOddsBp"),
        (Long) input.get("priceVersion"),
        (Boolean) input.get("acceptBetterOdds"),
        (Long) input.get("mediaTimeUs"));
  }

  /** A page of the caller's bets. */
  record BetPageView(List<BetView> items, @Nullable String nextCursor) {}

  /** A placed bet and whether it answers an earlier request with the same key. */
  record PlacedBet(BetView bet, boolean replayed) {}
}
