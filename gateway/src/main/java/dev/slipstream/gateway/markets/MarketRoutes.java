package dev.slipstream.gateway.markets;

import dev.slipstream.gateway.access.Access;
import dev.slipstream.markets.service.MarketService;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import io.javalin.config.RoutesConfig;

/**
 * What anyone may read: a stream's markets ({@code GET /api/streams/{id}/markets?state=open|all}),
 * one market, its evidence and the evidence's JPEG thumbnails.
 */
public final class MarketRoutes {
  private MarketRoutes() {}

  /** Registers the routes over {@code markets}. */
  public static void register(RoutesConfig routes, MarketService markets, StreamDirectory streams) {
    routes.get(
        "/api/streams/{id}/markets",
        ctx -> {
          String streamId = ctx.pathParam("id");
          String state = ctx.queryParamAsClass("state", String.class).getOrDefault("open");
          if (!state.equals("open") && !state.equals("all")) {
            throw new InvalidInputException(
                "invalid_state", "state must be open or all (was " + state + ")");
          }
          if (streams.find(streamId).isEmpty()) {
            throw new NotFoundException("stream_not_found", "no stream " + streamId);
          }
          ctx.json(
              new MarketJson.Markets(
                  markets.streamMarkets(streamId, state.equals("all")).stream()
                      .map(MarketJson.Market::of)
                      .toList()));
        },
        Access.ANYONE);
    routes.get(
        "/api/markets/{id}",
        ctx ->
            ctx.json(
                MarketJson.Market.of(
                    markets
                        .market(ctx.pathParam("id"))
                        .orElseThrow(() -> notFound(ctx.pathParam("id"))))),
        Access.ANYONE);
    routes.get(
        "/api/markets/{id}/evidence",
        ctx -> {
          String id = ctx.pathParam("id");
          markets.market(id).orElseThrow(() -> notFound(id));
          ctx.json(
              MarketJson.Evidence.of(
                  markets
                      .evidence(id)
                      .orElseThrow(
                          () ->
                              new NotFoundException(
                                  "no_evidence", "market " + id + " has no evidence stored"))));
        },
        Access.ANYONE);
    routes.get(
        "/api/markets/{id}/evidence/frames/{frame}",
        ctx -> {
          String id = ctx.pathParam("id");
          String frame = ctx.pathParam("frame");
          if (!frame.matches("[0-3]\\.jpg")) {
            throw new NotFoundException(
                "frame_not_found", "evidence frames are 0.jpg to 3.jpg (was " + frame + ")");
          }
          byte[] jpeg =
              markets
                  .evidenceFrame(id, frame.charAt(0) - '0')
                  .orElseThrow(
                      () ->
                          new NotFoundException(
                              "frame_not_found", "market " + id + " has no frame " + frame));
          ctx.contentType("image/jpeg");
          ctx.header("Cache-Control", "public, max-age=86400, immutable");
          ctx.result(jpeg);
        },
        Access.ANYONE);
  }

  /** The REST path of a market's evidence. */
  public static String evidenceUrl(String marketId) {
    return MarketJson.evidenceUrl(marketId);
  }

  static NotFoundException notFound(String marketId) {
    return new NotFoundException("market_not_found", "no market " + marketId);
  }
}
