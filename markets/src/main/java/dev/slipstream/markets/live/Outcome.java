package dev.slipstream.markets.live;

import java.util.List;

/**
 * How a market was decided, with its evidence.
 *
 * @param winner the winning selection's index, or -1 when the analytics could not decide (void)
 * @param decidedAtUs media time of the deciding moment: bets from then on are refused
 * @param reason a sentence, e.g. "runner 3 reached 9.2 m/s at 12.4 s"
 * @param series the measurements that decided it (media time, value), for the evidence page
 * @param fromUs the first media time of the evidence frame range
 * @param toUs the last media time of the evidence frame range
 */
public record Outcome(
    int winner,
    long decidedAtUs,
    String reason,
    List<TrackSeries.Sample> series,
    long fromUs,
    long toUs) {

  /** Copies the series. */
  public Outcome {
    series = List.copyOf(series);
  }

  public boolean isVoid() {
    return winner < 0;
  }

  static Outcome decided(
      int winner, long at, String reason, List<TrackSeries.Sample> series, long from) {
    return new Outcome(winner, at, reason, series, from, at);
  }

  static Outcome voided(long at, String reason) {
    return new Outcome(-1, at, reason, List.of(), at, at);
  }
}
