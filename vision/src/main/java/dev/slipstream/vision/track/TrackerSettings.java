package dev.slipstream.vision.track;

/**
 * How the tracker associates detections and how long it keeps unseen tracks; checked when made,
 * with a message naming the setting.
 *
 * @param highScoreThreshold detections scoring at least this are matched first, against every
 *     confirmed or coasting track; 0 to 1
 * @param lowScoreThreshold detections scoring below this are ignored; between this and {@code
 *     highScoreThreshold} they can only keep a track alive that was matched on the previous frame
 *     (ByteTrack's second pass, which rescues people half hidden behind others); 0 to {@code
 *     highScoreThreshold}
 * @param newTrackScoreThreshold an unmatched detection starts a tentative track only if it scores
 *     at least this; {@code highScoreThreshold} to 1
 * @param firstPassMinOverlap the least overlap (IoU of the buffered boxes) for a confident
 *     detection to match a track; above 0 to 1
 * @param secondPassMinOverlap the least overlap for a weak detection to match a track; stricter
 *     than the first pass because weak detections are often false; above 0 to 1
 * @param tentativeMaxHeightRatio a detection continues a tentative track only if their box heights
 *     differ by at most this factor (and its centre is within the prediction's uncertainty); 1 to 5
 * @param matchBuffer each box is grown by this fraction of its size on every side before overlap is
 *     measured (buffered IoU), so a fast runner on a skipped frame still overlaps its prediction; 0
 *     to 2
 * @param confirmHits matched frames in a row before a tentative track is confirmed; 1 to 100
 * @param maxCoastUs how long, in media microseconds, a confirmed track stays alive without a
 *     detection before it is lost; 1 ms to 60 s
 */
public record TrackerSettings(
    double highScoreThreshold,
    double lowScoreThreshold,
    double newTrackScoreThreshold,
    double firstPassMinOverlap,
    double secondPassMinOverlap,
    double tentativeMaxHeightRatio,
    double matchBuffer,
    int confirmHits,
    long maxCoastUs) {

  /** Checks every value against its allowed range. */
  public TrackerSettings {
    requireBetween("tracker.highScoreThreshold", highScoreThreshold, 0, 1);
    requireBetween("tracker.lowScoreThreshold", lowScoreThreshold, 0, highScoreThreshold);
    requireBetween("tracker.newTrackScoreThreshold", newTrackScoreThreshold, highScoreThreshold, 1);
    requirePositiveFraction("tracker.firstPassMinOverlap", firstPassMinOverlap);
    requirePositiveFraction("tracker.secondPassMinOverlap", secondPassMinOverlap);
    requireBetween("tracker.tentativeMaxHeightRatio", tentativeMaxHeightRatio, 1, 5);
    requireBetween("tracker.matchBuffer", matchBuffer, 0, 2);
    if (confirmHits < 1 || confirmHits > 100) {
      throw new IllegalArgumentException(
          "tracker.confirmHits=" + confirmHits + ": must be between 1 and 100");
    }
    if (maxCoastUs < 1_000 || maxCoastUs > 60_000_000) {
      throw new IllegalArgumentException(
          "tracker.maxCoastUs=" + maxCoastUs + ": must be between 1000 (1 ms) and 60000000 (60 s)");
    }
  }

  /**
   * Returns the defaults: ByteTrack's thresholds (0.5 high, 0.1 low, 0.6 to start a track; overlap
   * 0.2 and 0.5), tentative boxes within a factor 1.5 in height, boxes buffered by 30 % per side,
   * confirmed after 3 hits, lost after 1 s unseen.
   */
  public static TrackerSettings defaults() {
    return new TrackerSettings(0.5, 0.1, 0.6, 0.2, 0.5, 1.5, 0.3, 3, 1_000_000);
  }

  /** Returns a copy with {@code maxCoastUs} replaced. */
  public TrackerSettings withMaxCoastUs(long value) {
    return new TrackerSettings(
        highScoreThreshold,
        lowScoreThreshold,
        newTrackScoreThreshold,
        firstPassMinOverlap,
        secondPassMinOverlap,
        tentativeMaxHeightRatio,
        matchBuffer,
        confirmHits,
        value);
  }

  /** Returns a copy with {@code confirmHits} replaced. */
  public TrackerSettings withConfirmHits(int value) {
    return new TrackerSettings(
        highScoreThreshold,
        lowScoreThreshold,
        newTrackScoreThreshold,
        firstPassMinOverlap,
        secondPassMinOverlap,
        tentativeMaxHeightRatio,
        matchBuffer,
        value,
        maxCoastUs);
  }

  private static void requirePositiveFraction(String name, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(name + "=" + value + ": must be above 0 and at most 1");
    }
  }

  private static void requireBetween(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          name + "=" + value + ": must be between " + min + " and " + max);
    }
  }
}
