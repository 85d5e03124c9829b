package dev.slipstream.markets.service;

import dev.slipstream.platform.InvalidInputException;
import java.util.List;

/**
 * A market an operator makes by hand.
 *
 * @param streamId the stream it is about
 * @param title the question, 1–200 characters
 * @param selectionNames the answers, 2–20, each 1–80 characters
 * @param oddsBp each answer's decimal odds in basis points, 10001–10000000
 * @param closesInS seconds until it stops taking bets, 1–86400
 */
public record NewMarket(
    String streamId,
    String title,
    List<String> selectionNames,
    List<Integer> oddsBp,
    long closesInS) {

  /**
   * Validates it.
   *
   * @throws InvalidInputException {@code invalid_request} naming what is wrong
   */
  public NewMarket {
    require(streamId != null && !streamId.isBlank(), "streamId is required");
    require(
        title != null && !title.isBlank() && title.length() <= 200, "title must be 1–200 chars");
    require(
        selectionNames != null && selectionNames.size() >= 2 && selectionNames.size() <= 20,
        "a market needs 2–20 selections");
    require(oddsBp != null && oddsBp.size() == selectionNames.size(), "one price per selection");
    for (String name : selectionNames) {
      require(name != null && !name.isBlank() && name.length() <= 80, "names must be 1–80 chars");
    }
    for (Integer odds : oddsBp) {
      require(
          odds != null && odds > 10_000 && odds <= 10_000_000,
          "decimalOddsBp must be 10001–10000000 (odds above 1.0), was " + odds);
    }
    require(closesInS >= 1 && closesInS <= 86_400, "closesInS must be 1–86400, was " + closesInS);
    selectionNames = List.copyOf(selectionNames);
    oddsBp = List.copyOf(oddsBp);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new InvalidInputException("invalid_request", message);
    }
  }
}
