package dev.slipstream.gateway.markets;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.slipstream.markets.service.AuditEntry;
import dev.slipstream.markets.service.BetView;
import dev.slipstream.markets.service.EvidenceView;
import dev.slipstream.markets.service.MarketView;
import dev.slipstream.markets.service.OperatorMarket;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the market routes, built from the market service's views. */
final class MarketJson {
  private MarketJson() {}

  static String evidenceUrl(String marketId) {
    return "/api/markets/" + marketId + "/evidence";
  }

  /** A market. */
  record Market(
      String id,
      String streamId,
      String templateKind,
      String title,
      String state,
      String currency,
      int subjectTrackId,
      long windowStartMediaTimeUs,
      long windowEndMediaTimeUs,
      long priceVersion,
      List<MarketView.Selection> selections,
      String reason,
      String detail,
      @Nullable Settlement settlement) {

    static Market of(MarketView m) {
      MarketView.Settlement s = m.settlement();
      return new Market(
          m.id(),
          m.streamId(),
          m.templateKind(),
          m.title(),
          m.state(),
          m.currency(),
          m.subjectTrackId(),
          m.windowStartMediaTimeUs(),
          m.windowEndMediaTimeUs(),
          m.priceVersion(),
          m.selections(),
          m.reason(),
          m.detail(),
          s == null
              ? null
              : new Settlement(
                  s.winningSelectionId(),
                  s.settledAt().toString(),
                  s.isVoid(),
                  s.reason(),
                  s.hasEvidence() ? MarketJson.evidenceUrl(m.id()) : null));
    }
  }

  /** How a market ended. */
  record Settlement(
      @Nullable String winningSelectionId,
      String settledAt,
      @com.fasterxml.jackson.annotation.JsonProperty("void") boolean isVoid,
      String reason,
      @Nullable String evidenceUrl) {}

  /** A list of markets. */
  record Markets(List<Market> markets) {}

  /** A market with its book, for operators. */
  record BookedMarket(
      @JsonUnwrapped Market market, long exposureMinor, int betCount, long handleMinor) {
    static BookedMarket of(OperatorMarket m) {
      return new BookedMarket(
          Market.of(m.market()), m.exposureMinor(), m.betCount(), m.handleMinor());
    }
  }

  /** Operators' list of markets. */
  record BookedMarkets(List<BookedMarket> markets) {}

  /** A bet. */
  record Bet(
      String id,
      String marketId,
      String marketTitle,
      String streamId,
      String selectionId,
      String selectionName,
      long stakeMinor,
      String currency,
      int decimalOddsBp,
      long potentialPayoutMinor,
      String state,
      String placedAt,
      @Nullable String settledAt,
      @Nullable Long payoutMinor,
      @Nullable String evidenceUrl) {
    static Bet of(BetView b) {
      return new Bet(
          b.id(),
          b.marketId(),
          b.marketTitle(),
          b.streamId(),
          b.selectionId(),
          b.selectionName(),
          b.stakeMinor(),
          b.currency(),
          b.decimalOddsBp(),
          b.potentialPayoutMinor(),
          b.state(),
          b.placedAt().toString(),
          b.settledAt() == null ? null : b.settledAt().toString(),
          b.payoutMinor(),
          b.hasEvidence() ? MarketJson.evidenceUrl(b.marketId()) : null);
    }
  }

  /** A page of bets. */
  record Bets(List<Bet> bets, @Nullable String nextCursor) {}

  /** A market's evidence. */
  record Evidence(
      String marketId,
      @Nullable String winningSelectionId,
      long decidedAtMediaTimeUs,
      long fromMediaTimeUs,
      long toMediaTimeUs,
      List<EvidenceView.Point> series,
      String measure,
      @Nullable Double threshold,
      String reason,
      List<Frame> frames) {
    static Evidence of(EvidenceView e) {
      return new Evidence(
          e.marketId(),
          e.winningSelectionId(),
          e.decidedAtMediaTimeUs(),
          e.fromMediaTimeUs(),
          e.toMediaTimeUs(),
          e.series(),
          e.measure(),
          e.threshold(),
          e.reason(),
          e.frames().stream()
              .map(
                  f ->
                      new Frame(
                          f.index(),
                          f.mediaTimeUs(),
                          MarketJson.evidenceUrl(e.marketId()) + "/frames/" + f.index() + ".jpg"))
              .toList());
    }
  }

  /** One evidence thumbnail. */
  record Frame(int index, long mediaTimeUs, String url) {}

  /** A market's audit trail. */
  record Audit(List<Entry> entries) {
    static Audit of(List<AuditEntry> entries) {
      return new Audit(
          entries.stream()
              .map(e -> new Entry(e.at().toString(), e.actor(), e.action(), e.detail()))
              .toList());
    }
  }

  /** One audit line. */
  record Entry(String at, String actor, String action, String detail) {}
}
