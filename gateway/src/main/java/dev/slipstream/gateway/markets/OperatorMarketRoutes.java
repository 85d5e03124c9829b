package dev.slipstream.gateway.markets;

import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.access.Callers;
import dev.slipstream.gateway.http.JsonBodies;
import dev.slipstream.markets.service.MarketService;
import dev.slipstream.markets.service.NewMarket;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Operators' market desk: make a market by hand, suspend, resume, void, settle (or re-settle, which
 * corrects every changed bet by compensating transfers), list markets with their books, and read a
 * market's audit trail. Every action is written to the audit trail with the operator's id.
 */
public final class OperatorMarketRoutes {
  /** One selection of a market made by hand. */
  record SelectionBody(@Nullable String name, @Nullable Integer decimalOddsBp) {}

  /** The body of a market made by hand. */
  record NewMarketBody(
      @Nullable String streamId,
      @Nullable String title,
      @Nullable List<SelectionBody> selections,
      @Nullable Long closesInS) {}

  /** The body of suspend and void. */
  record ReasonBody(@Nullable String reason) {}

  /** The body of settle. */
  record SettleBody(@Nullable String winningSelectionId, @Nullable String reason) {}

  private OperatorMarketRoutes() {}

  /** Registers the routes over {@code markets}. */
  public static void register(RoutesConfig routes, MarketService markets, StreamDirectory streams) {
    routes.post(
        "/api/operator/markets",
        ctx -> {
          NewMarketBody body = JsonBodies.read(ctx, NewMarketBody.class);
          List<SelectionBody> selections =
              body.selections() == null ? List.of() : body.selections();
          NewMarket market =
              new NewMarket(
                  body.streamId(),
                  body.title(),
                  selections.stream().map(SelectionBody::name).toList(),
                  selections.stream().map(SelectionBody::decimalOddsBp).toList(),
                  body.closesInS() == null ? 0 : body.closesInS());
          if (streams.find(market.streamId()).isEmpty()) {
            throw new NotFoundException("stream_not_found", "no stream " + market.streamId());
          }
          ctx.status(201)
              .json(MarketJson.Market.of(markets.create(Callers.of(ctx).userId(), market)));
        },
        Access.OPERATOR);
    routes.post(
        "/api/operator/markets/{id}/suspend",
        ctx -> {
          ReasonBody body = JsonBodies.read(ctx, ReasonBody.class);
          ctx.json(
              MarketJson.Market.of(
                  markets.suspend(
                      Callers.of(ctx).userId(), ctx.pathParam("id"), reason(body.reason()))));
        },
        Access.OPERATOR);
    routes.post(
        "/api/operator/markets/{id}/resume",
        ctx ->
            ctx.json(
                MarketJson.Market.of(
                    markets.resume(Callers.of(ctx).userId(), ctx.pathParam("id")))),
        Access.OPERATOR);
    routes.post(
        "/api/operator/markets/{id}/void",
        ctx -> {
          ReasonBody body = JsonBodies.read(ctx, ReasonBody.class);
          ctx.json(
              MarketJson.Market.of(
                  markets.voidMarket(
                      Callers.of(ctx).userId(), ctx.pathParam("id"), reason(body.reason()))));
        },
        Access.OPERATOR);
    routes.post(
        "/api/operator/markets/{id}/settle",
        ctx -> {
          SettleBody body = JsonBodies.read(ctx, SettleBody.class);
          if (body.winningSelectionId() == null) {
            throw new InvalidInputException(
                "invalid_request", "winningSelectionId names the selection that won");
          }
          ctx.json(
              MarketJson.Market.of(
                  markets.settle(
                      Callers.of(ctx).userId(),
                      ctx.pathParam("id"),
                      body.winningSelectionId(),
                      reason(body.reason()))));
        },
        Access.OPERATOR);
    routes.get(
        "/api/operator/markets",
        ctx -> {
          String state = ctx.queryParam("state");
          ctx.json(
              new MarketJson.BookedMarkets(
                  markets
                      .operatorMarkets(
                          blankToNull(ctx.queryParam("streamId")),
                          state == null || state.isEmpty() ? null : state.toUpperCase(Locale.ROOT))
                      .stream()
                      .map(MarketJson.BookedMarket::of)
                      .toList()));
        },
        Access.OPERATOR);
    routes.get(
        "/api/operator/markets/{id}/audit",
        ctx -> {
          String id = ctx.pathParam("id");
          markets.market(id).orElseThrow(() -> MarketRoutes.notFound(id));
          ctx.json(MarketJson.Audit.of(markets.audit(id)));
        },
        Access.OPERATOR);
  }

  private static String reason(@Nullable String reason) {
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw new InvalidInputException("invalid_reason", "a reason of 1–500 characters is required");
    }
    return reason;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
