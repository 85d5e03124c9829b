package dev.slipstream.markets.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One row of {@code markets.markets}. */
record MarketRow(
    String marketId,
    String streamId,
    String kind,
    String title,
    String state,
    String currency,
    int subjectTrackId,
    long windowStartUs,
    long windowEndUs,
    List<String> selectionIds,
    List<String> selectionNames,
    int[] oddsBp,
    int[] probabilityPpm,
    long priceVersion,
    String reason,
    String detail,
    @Nullable String winner,
    @Nullable Instant settledAt,
    @Nullable String settlementReason,
    @Nullable Instant closesAt,
    boolean hasEvidence) {

  boolean finished() {
    return state.equals("SETTLED") || state.equals("VOID");
  }

  int selectionIndex(String selectionId) {
    return selectionIds.indexOf(selectionId);
  }

  String selectionName(String selectionId) {
    int i = selectionIndex(selectionId);
    return i < 0 ? selectionId : selectionNames.get(i);
  }

  /** The view, with {@code live} prices when the desk published newer ones than the row's. */
  MarketView view(@Nullable LivePrices live) {
    int[] odds = oddsBp;
    int[] ppm = probabilityPpm;
    long version = priceVersion;
    if (live != null && live.version() >= version && live.oddsBp().length == odds.length) {
      odds = live.oddsBp();
      ppm = live.probabilityPpm();
      version = live.version();
    }
    if (!state.equals("OPEN")) {
      odds = new int[odds.length];
    }
    List<MarketView.Selection> selections = new ArrayList<>();
    for (int i = 0; i < selectionIds.size(); i++) {
      selections.add(
          new MarketView.Selection(selectionIds.get(i), selectionNames.get(i), odds[i], ppm[i]));
    }
    MarketView.Settlement settlement =
        finished() && settledAt != null
            ? new MarketView.Settlement(
                winner,
                settledAt,
                state.equals("VOID"),
                settlementReason == null ? "" : settlementReason,
                hasEvidence)
            : null;
    return new MarketView(
        marketId,
        streamId,
        kind,
        title,
        state,
        currency,
        subjectTrackId,
        windowStartUs,
        windowEndUs,
        version,
        selections,
        reason,
        detail,
        settlement);
  }

  /** The newest prices the desk published for a market. */
  record LivePrices(long version, int[] oddsBp, int[] probabilityPpm) {}
}
