package dev.slipstream.vision.pose.blazepose;

/**
 * Range checks for settings, with messages that name the setting, its value and what is allowed.
 */
final class Check {

  private Check() {}

  static void range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + " (was " + value + ")");
    }
  }

  static void probability(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1 (was " + value + ")");
    }
  }
}
