package dev.slipstream.vision.events;

import java.util.List;

/**
 * Thresholds of the event detectors; checked when made, with a message naming the setting.
 *
 * @param sprintStartMps a sprint starts when speed stays at or above this; 1 to 15 m/s
 * @param sprintStopMps a sprint stops when speed stays below this; above 0 and below {@code
 *     sprintStartMps}
 * @param sprintMinDurationUs how long speed must stay past a sprint threshold before the start or
 *     stop counts; 0 to 5 s
 * @param speedThresholdsMps speeds whose crossings are reported, such as a market's "tops 9 m/s";
 *     each above 0 and at most 15 m/s
 * @param speedHysteresisMps after crossing a threshold upwards, speed must fall this far below it
 *     before a downward crossing counts (and the other way round); 0 to 5 m/s
 * @param jumpMinRiseM the hips must rise at least this far above their height on the ground, with
 *     both feet off it, for a jump; 0.02 to 2 m
 * @param zoneMarginM a person must be this far inside (or outside) a zone's edge before an entry
 *     (or exit) counts, so that jitter along the edge does not flap; 0 to 5 m
 */
public record EventSettings(
    double sprintStartMps,
    double sprintStopMps,
    long sprintMinDurationUs,
    List<Double> speedThresholdsMps,
    double speedHysteresisMps,
    double jumpMinRiseM,
    double zoneMarginM) {

  /** Checks every value against its allowed range. */
  public EventSettings {
    speedThresholdsMps = List.copyOf(speedThresholdsMps);
    requireBetween("events.sprintStartMps", sprintStartMps, 1, 15);
    if (!(sprintStopMps > 0 && sprintStopMps < sprintStartMps)) {
      throw new IllegalArgumentException(
          "events.sprintStopMps="
              + sprintStopMps
              + ": must be above 0 and below sprintStartMps ("
              + sprintStartMps
              + ")");
    }
    if (sprintMinDurationUs < 0 || sprintMinDurationUs > 5_000_000) {
      throw new IllegalArgumentException(
          "events.sprintMinDurationUs=" + sprintMinDurationUs + ": must be between 0 and 5000000");
    }
    for (double threshold : speedThresholdsMps) {
      if (!(threshold > 0 && threshold <= 15)) {
        throw new IllegalArgumentException(
            "events.speedThresholdsMps contains "
                + threshold
                + ": each must be above 0 and at most 15");
      }
    }
    requireBetween("events.speedHysteresisMps", speedHysteresisMps, 0, 5);
    requireBetween("events.jumpMinRiseM", jumpMinRiseM, 0.02, 2);
    requireBetween("events.zoneMarginM", zoneMarginM, 0, 5);
  }

  /**
   * Returns the defaults: sprints from 7 m/s (25 km/h, the usual high-intensity line) down to 5.5
   * m/s, each held for 0.3 s; no speed thresholds; 0.5 m/s of hysteresis (about twice the speed
   * noise of a runner 30 m away filmed at 15 fps with 2 px of box noise); jumps from a 0.15 m hip
   * rise, clear of a running stride's bounce; zones with a 0.3 m margin.
   */
  public static EventSettings defaults() {
    return new EventSettings(7.0, 5.5, 300_000, List.of(), 0.5, 0.15, 0.3);
  }

  /** Returns a copy reporting crossings of {@code thresholds} instead. */
  public EventSettings withSpeedThresholds(List<Double> thresholds) {
    return new EventSettings(
        sprintStartMps,
        sprintStopMps,
        sprintMinDurationUs,
        thresholds,
        speedHysteresisMps,
        jumpMinRiseM,
        zoneMarginM);
  }

  private static void requireBetween(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          name + "=" + value + ": must be between " + min + " and " + max);
    }
  }
}
