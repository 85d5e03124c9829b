package dev.slipstream.vision.kinematics;

/**
 * How ground contacts are recognised in poses; checked when made, with a message naming the
 * setting.
 *
 * @param minVisibility landmarks less visible than this are ignored; 0 to 1
 * @param groundWindowUs a foot's lowest point on the frame over this much recent time is taken as
 *     the ground under it; at least one stride, 100 ms to 5 s
 * @param contactHeightFraction a foot within this fraction of the leg's length (hip to ankle, on
 *     the frame) of its ground counts as low enough for contact; 0 to 0.5
 * @param stationaryLegLengthsPerSecond a foot moving slower than this on the frame, in leg lengths
 *     per second, counts as planted (about 2 m/s for a 0.9 m leg at the default); 0 to 20
 * @param cadenceSteps how many recent steps the cadence averages over; 1 to 20
 */
public record GaitSettings(
    double minVisibility,
    long groundWindowUs,
    double contactHeightFraction,
    double stationaryLegLengthsPerSecond,
    int cadenceSteps) {

  /** Checks every value against its allowed range. */
  public GaitSettings {
    if (!(minVisibility >= 0 && minVisibility <= 1)) {
      throw new IllegalArgumentException(
          "gait.minVisibility=" + minVisibility + ": must be between 0 and 1");
    }
    if (groundWindowUs < 100_000 || groundWindowUs > 5_000_000) {
      throw new IllegalArgumentException(
          "gait.groundWindowUs=" + groundWindowUs + ": must be between 100000 and 5000000");
    }
    if (!(contactHeightFraction >= 0 && contactHeightFraction <= 0.5)) {
      throw new IllegalArgumentException(
          "gait.contactHeightFraction=" + contactHeightFraction + ": must be between 0 and 0.5");
    }
    if (!(stationaryLegLengthsPerSecond >= 0 && stationaryLegLengthsPerSecond <= 20)) {
      throw new IllegalArgumentException(
          "gait.stationaryLegLengthsPerSecond="
              + stationaryLegLengthsPerSecond
              + ": must be between 0 and 20");
    }
    if (cadenceSteps < 1 || cadenceSteps > 20) {
      throw new IllegalArgumentException(
          "gait.cadenceSteps=" + cadenceSteps + ": must be between 1 and 20");
    }
  }

  /**
   * Returns the defaults: landmarks at least 50 % visible, ground from the last 0.8 s, contact
   * within 6 % of leg length and slower than 2 leg lengths a second, cadence over 4 steps.
   */
  public static GaitSettings defaults() {
    return new GaitSettings(0.5, 800_000, 0.08, 2.0, 4);
  }
}
