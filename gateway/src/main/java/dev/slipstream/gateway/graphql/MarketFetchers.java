package dev.slipstream.gateway.graphql;

import dev.slipstream.gateway.markets.MarketRoutes;
import dev.slipstream.markets.service.EvidenceView;
import dev.slipstream.markets.service.MarketService;
import dev.slipstream.markets.service.MarketView;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Markets as GraphQL reads them, through the same {@link MarketService} calls as the public market
 * routes ({@code GET /api/streams/{id}/markets}, {@code /api/markets/{id}} and its evidence): open
 * to anyone.
 */
final class MarketFetchers {
  private static final int MAX_SERIES = 1_000;

  private final @Nullable MarketService markets;
  private final StreamDirectory streams;

  MarketFetchers(@Nullable MarketService markets, StreamDirectory streams) {
    this.markets = markets;
    this.streams = streams;
  }

  void wire(RuntimeWiring.Builder wiring) {
    wiring.type(
        "Query",
        type ->
            type.dataFetcher("markets", this::streamMarkets).dataFetcher("market", this::market));
    wiring.type(
        "Market",
        type ->
            type.dataFetcher("settlement", MarketFetchers::settlement)
                .dataFetcher("evidence", this::evidence));
    wiring.type(
        "Settlement",
        type -> type.dataFetcher("void", env -> env.<SettlementView>getSource().isVoid()));
    wiring.type(
        "Evidence",
        type ->
            type.dataFetcher("series", MarketFetchers::series)
                .dataFetcher("frames", MarketFetchers::frames));
  }

  private List<MarketView> streamMarkets(DataFetchingEnvironment env) {
    MarketService service = CallerContext.served(markets, "markets");
    String streamId = env.getArgument("streamId");
    String state = env.getArgument("state");
    if (streams.find(streamId).isEmpty()) {
      throw new NotFoundException("stream_not_found", "no stream " + streamId);
    }
    return service.streamMarkets(streamId, "ALL".equals(state));
  }

  private @Nullable MarketView market(DataFetchingEnvironment env) {
    return CallerContext.served(markets, "markets")
        .market(env.<String>getArgument("id"))
        .orElse(null);
  }

  /** The market of a bet, or null when it is gone. */
  @Nullable MarketView market(String marketId) {
    return markets == null ? null : markets.market(marketId).orElse(null);
  }

  private static @Nullable SettlementView settlement(DataFetchingEnvironment env) {
    MarketView market = env.getSource();
    MarketView.Settlement s = market.settlement();
    return s == null
        ? null
        : new SettlementView(
            s.winningSelectionId(),
            s.settledAt().toString(),
            s.isVoid(),
            s.reason(),
            s.hasEvidence() ? MarketRoutes.evidenceUrl(market.id()) : null);
  }

  private @Nullable EvidenceView evidence(DataFetchingEnvironment env) {
    MarketView market = env.getSource();
    return markets == null ? null : markets.evidence(market.id()).orElse(null);
  }

  private static List<EvidenceView.Point> series(DataFetchingEnvironment env) {
    Integer first = env.getArgument("first");
    if (first == null || first < 1 || first > MAX_SERIES) {
      throw new InvalidInputException(
          "invalid_limit", "first must be 1 to " + MAX_SERIES + " (was " + first + ")");
    }
    List<EvidenceView.Point> series = env.<EvidenceView>getSource().series();
    return series.size() <= first ? series : series.subList(0, first);
  }

  private static List<FrameView> frames(DataFetchingEnvironment env) {
    EvidenceView evidence = env.getSource();
    String base = MarketRoutes.evidenceUrl(evidence.marketId());
    return evidence.frames().stream()
        .map(f -> new FrameView(f.index(), f.mediaTimeUs(), base + "/frames/" + f.index() + ".jpg"))
        .toList();
  }

  /** How a market ended, as GraphQL shows it. */
  record SettlementView(
      @Nullable String winningSelectionId,
      String settledAt,
      boolean isVoid,
      String reason,
      @Nullable String evidenceUrl) {}

  /** One evidence thumbnail with its REST path. */
  record FrameView(int index, long mediaTimeUs, String url) {}
}
