package dev.slipstream.markets.service;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A market as the API shows it.
 *
 * @param id the market id
 * @param streamId the stream it is about
 * @param templateKind the template that made it ({@code SPEED_THRESHOLD} …) or {@code OPERATOR}
 * @param title the question
 * @param state {@code OPEN}, {@code SUSPENDED}, {@code CLOSED}, {@code SETTLED} or {@code VOID}
 * @param currency the currency its bets are staked in
 * @param subjectTrackId the athlete asked about; 0 for market-wide questions
 * @param windowStartMediaTimeUs media time the window opens
 * @param windowEndMediaTimeUs media time the window closes
 * @param priceVersion the version of the prices shown
 * @param selections the answers with their current prices
 * @param reason the last change's reason, e.g. {@code DECISIVE_MOMENT}
 * @param detail a sentence about the last change
 * @param settlement how it ended, once settled or void
 */
public record MarketView(
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
    List<Selection> selections,
    String reason,
    String detail,
    @Nullable Settlement settlement) {

  /** Copies the selections. */
  public MarketView {
    selections = List.copyOf(selections);
  }

  /**
   * One answer and its price.
   *
   * @param id the selection id
   * @param name its label
   * @param decimalOddsBp decimal odds in basis points; 0 while none is offered
   * @param probabilityPpm the model's probability, parts per million
   */
  public record Selection(String id, String name, int decimalOddsBp, int probabilityPpm) {}

  /**
   * How a market ended.
   *
   * @param winningSelectionId the winner; null when void
   * @param settledAt when it was settled or voided
   * @param isVoid whether it was voided (stakes returned)
   * @param reason why, in a sentence
   * @param hasEvidence whether evidence is stored
   */
  public record Settlement(
      @Nullable String winningSelectionId,
      Instant settledAt,
      boolean isVoid,
      String reason,
      boolean hasEvidence) {}

  /** Whether bets may be placed now. */
  public boolean open() {
    return state.equals("OPEN");
  }
}
