package dev.slipstream.vision.kinematics;

/**
 * What a person in a sport can physically do, so measurements beyond it are rejected as errors (a
 * track jumping to another person, a detection on a shadow) instead of being reported.
 *
 * @param name short name shown to operators, such as {@code sprint}
 * @param maxSpeedMps the fastest a person can run, in metres per second; 0.5 to 15
 * @param maxAccelerationMps2 the hardest a person can speed up or slow down, in metres per second
 *     squared; 0.5 to 20
 */
public record SportProfile(String name, double maxSpeedMps, double maxAccelerationMps2) {

  /** Checks the limits are physically sensible. */
  public SportProfile {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("sportProfile.name must not be blank");
    }
    if (!(maxSpeedMps >= 0.5 && maxSpeedMps <= 15)) {
      throw new IllegalArgumentException(
          "sportProfile.maxSpeedMps=" + maxSpeedMps + ": must be between 0.5 and 15 m/s");
    }
    if (!(maxAccelerationMps2 >= 0.5 && maxAccelerationMps2 <= 20)) {
      throw new IllegalArgumentException(
          "sportProfile.maxAccelerationMps2="
              + maxAccelerationMps2
              + ": must be between 0.5 and 20 m/s²");
    }
  }

  /** Returns sprinting: the world record peaks near 12.4 m/s; starts reach about 10 m/s². */
  public static SportProfile sprint() {
    return new SportProfile("sprint", 12.5, 10);
  }

  /** Returns football: the fastest players reach about 10.5 m/s. */
  public static SportProfile football() {
    return new SportProfile("football", 11, 8);
  }

  /** Returns walking and general movement of people who are not racing. */
  public static SportProfile walking() {
    return new SportProfile("walking", 3, 3);
  }
}
