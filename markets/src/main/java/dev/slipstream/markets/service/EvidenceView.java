package dev.slipstream.markets.service;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What settled a market: the measured series over its window, the deciding media time and the
 * thumbnails stored around it.
 *
 * @param marketId the market
 * @param winningSelectionId the winner; null when the market was voided
 * @param decidedAtMediaTimeUs the deciding moment
 * @param fromMediaTimeUs the first media time of the evidence's frame range (the window's start)
 * @param toMediaTimeUs the last media time of the evidence's frame range
 * @param measure what the series measures, e.g. {@code speed_mps}
 * @param threshold the level the market asked about, where it had one
 * @param reason the decision in a sentence
 * @param series the measurements, oldest first
 * @param frames the stored thumbnails, by index (up to 4)
 */
public record EvidenceView(
    String marketId,
    @Nullable String winningSelectionId,
    long decidedAtMediaTimeUs,
    long fromMediaTimeUs,
    long toMediaTimeUs,
    String measure,
    @Nullable Double threshold,
    String reason,
    List<Point> series,
    List<Frame> frames) {

  /** Copies the lists. */
  public EvidenceView {
    series = List.copyOf(series);
    frames = List.copyOf(frames);
  }

  /** One measurement at a media time. */
  public record Point(long mediaTimeUs, double value) {}

  /** One stored thumbnail: its index (0–3) and media time. */
  public record Frame(int index, long mediaTimeUs) {}
}
