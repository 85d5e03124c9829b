package dev.slipstream.gateway.markets;

import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.access.Callers;
import dev.slipstream.gateway.auth.Role;
import dev.slipstream.gateway.http.JsonBodies;
import dev.slipstream.gateway.http.Problem;
import dev.slipstream.gateway.wallet.MoneyServices;
import dev.slipstream.markets.service.BetAnswer;
import dev.slipstream.markets.service.BetPage;
import dev.slipstream.markets.service.BetRequest;
import dev.slipstream.markets.service.MarketService;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A bettor's bets: {@code POST /api/bets} (an {@code Idempotency-Key} of 1–64 characters makes a
 * retry return the first answer), {@code GET /api/bets} (paged, newest first) and {@code GET
 * /api/bets/{id}}, and {@code POST /api/bets/{id}/cancel} for a bet still pending its bet delay
 * (409 {@code not_cancellable} once it stands). Stakes come from the caller's own wallet. A refused
 * bet is a problem document whose code is the engine's reject code: 409 when the market or the
 * wallet is not in a state to take it, 422 when the request names something wrong, 429 past the
 * rate limit, 503 when the engine is unavailable.
 */
public final class BetRoutes {
  static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  private static final Set<String> UNPROCESSABLE =
      Set.of(
          "unknown_market",
          "unknown_selection",
          "currency_mismatch",
          "invalid_stake",
          "invalid_request");

  /** The body of a bet (REST), or a GraphQL {@code BetInput}. */
  public record BetBody(
      @Nullable String marketId,
      @Nullable String selectionId,
      @Nullable Long stakeMinor,
      @Nullable String currency,
      @Nullable Integer decimalOddsBp,
      @Nullable Long priceVersion,
      @Nullable Boolean acceptBetterOdds,
      @Nullable Long mediaTimeUs) {}

  private BetRoutes() {}

  /** Registers the routes over {@code markets}, staking from wallets of {@code money}. */
  public static void register(RoutesConfig routes, MarketService markets, MoneyServices money) {
    Access bettor = Access.anyOf(Role.BETTOR);
    routes.post(
        "/api/bets",
        ctx -> {
          String key = idempotencyKey(ctx);
          BetBody body = JsonBodies.read(ctx, BetBody.class);
          if (incomplete(body)) {
            Problem.send(
                ctx,
                422,
                "invalid_request",
                "Bet refused",
                "a bet needs marketId, selectionId, stakeMinor, currency, decimalOddsBp and"
                    + " priceVersion");
            return;
          }
          BetRequest request = request(body);
          String userId = Callers.of(ctx).userId();
          long wallet = money.wallet(userId).id();
          switch (markets.placeBet(userId, wallet, key, request)) {
            case BetAnswer.Placed placed -> {
              ctx.status(placed.replay() ? 200 : 201)
                  .header("Location", "/api/bets/" + placed.bet().id())
                  .json(MarketJson.Bet.of(placed.bet()));
            }
            case BetAnswer.Refused refused -> {
              if (refused.replay()) {
                ctx.header("Idempotent-Replayed", "true");
              }
              Problem.send(
                  ctx, status(refused.code()), refused.code(), "Bet refused", refused.detail());
            }
          }
        },
        bettor);
    routes.get(
        "/api/bets",
        ctx -> {
          String state = ctx.queryParamAsClass("state", String.class).getOrDefault("all");
          BetPage page =
              markets.bets(Callers.of(ctx).userId(), state, ctx.queryParam("cursor"), limit(ctx));
          ctx.header("Cache-Control", "no-store");
          ctx.json(
              new MarketJson.Bets(
                  page.bets().stream().map(MarketJson.Bet::of).toList(), page.nextCursor()));
        },
        bettor);
    routes.get(
        "/api/bets/{id}",
        ctx ->
            ctx.json(
                MarketJson.Bet.of(
                    markets
                        .bet(Callers.of(ctx).userId(), ctx.pathParam("id"))
                        .orElseThrow(
                            () ->
                                new NotFoundException(
                                    "bet_not_found", "you have no bet " + ctx.pathParam("id"))))),
        bettor);
    routes.post(
        "/api/bets/{id}/cancel",
        ctx -> {
          String userId = Callers.of(ctx).userId();
          long wallet = money.wallet(userId).id();
          ctx.json(MarketJson.Bet.of(markets.cancelBet(userId, wallet, ctx.pathParam("id"))));
        },
        bettor);
  }

  /** The HTTP status REST answers a bet refused with {@code code} with. */
  public static int status(String code) {
    return switch (code) {
      case "rate_limited" -> 429;
      case "unavailable" -> 503;
      default -> UNPROCESSABLE.contains(code) ? 422 : 409;
    };
  }

  private static String idempotencyKey(Context ctx) {
    return idempotencyKey(ctx.header(IDEMPOTENCY_HEADER));
  }

  /**
   * Checks a bet's idempotency key, however it came.
   *
   * @throws InvalidInputException {@code missing_idempotency_key} or {@code
   *     invalid_idempotency_key} (1–64 printable characters without spaces)
   */
  public static String idempotencyKey(@Nullable String key) {
    if (key == null || key.isEmpty()) {
      throw new InvalidInputException(
          "missing_idempotency_key",
          "send an " + IDEMPOTENCY_HEADER + " header so a retried bet is never placed twice");
    }
    if (key.length() > 64 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new InvalidInputException(
          "invalid_idempotency_key",
          IDEMPOTENCY_HEADER + " must be 1–64 printable characters without spaces");
    }
    return key;
  }

  /** Says whether a bet lacks a field it needs ({@code invalid_request}). */
  public static boolean incomplete(BetBody body) {
    return body.marketId() == null
        || body.selectionId() == null
        || body.stakeMinor() == null
        || body.currency() == null
        || body.decimalOddsBp() == null
        || body.priceVersion() == null;
  }

  /** The engine's request for a complete {@code body} (check {@link #incomplete} first). */
  @SuppressWarnings("NullAway") // incomplete() checked every field first
  public static BetRequest request(BetBody body) {
    return new BetRequest(
        body.marketId(),
        body.selectionId(),
        body.stakeMinor(),
        body.currency(),
        body.decimalOddsBp(),
        body.priceVersion(),
        Boolean.TRUE.equals(body.acceptBetterOdds()),
        body.mediaTimeUs() == null ? 0 : body.mediaTimeUs());
  }

  private static int limit(Context ctx) {
    String raw = ctx.queryParam("limit");
    if (raw == null) {
      return 50;
    }
    try {
      int limit = Integer.parseInt(raw);
      if (limit >= 1 && limit <= 200) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidInputException(
        "invalid_limit", "limit must be a whole number 1 to 200 (was " + raw + ")");
  }
}
