package dev.slipstream.vision.scene;

import dev.slipstream.vision.geometry.GroundPoint;
import java.awt.Color;

/**
 * One athlete's script: a lane, a repeating speed profile, where in the section they start, and
 * when they jump. Their feet run along the lane's centre line from {@code sectionStartX} to {@code
 * sectionStartX + sectionLength} and then start the next lap back at the section's start, out of
 * the camera's view. The profile runs a whole number of laps per period, so the script repeats
 * seamlessly.
 */
final class ScriptedAthlete {
  private static final double GRAVITY = 9.81;

  private final int index;
  private final int lane;
  private final double laneCentreY;
  private final double heightM;
  private final SpeedProfile profile;
  private final double startOffsetM;
  private final double sectionStartX;
  private final double sectionLength;
  private final double periodS;
  private final double strideCyclesPerPeriod;
  private final double[] jumpsS;
  private final double takeOffSpeedMps;
  private final Color jersey;

  ScriptedAthlete(
      int index,
      int lane,
      double laneCentreY,
      double heightM,
      SpeedProfile nominal,
      double startOffsetM,
      double sectionStartX,
      double sectionLength,
      double periodS,
      double[] jumpsS,
      double takeOffSpeedMps,
      Color jersey) {
    this.index = index;
    this.lane = lane;
    this.laneCentreY = laneCentreY;
    this.heightM = heightM;
    // Round the distance per period to whole laps, so that the script repeats without a jump.
    double laps = Math.max(1, Math.round(nominal.distancePerPeriod() / sectionLength));
    this.profile = nominal.scaled(laps * sectionLength / nominal.distancePerPeriod());
    this.startOffsetM = startOffsetM;
    this.sectionStartX = sectionStartX;
    this.sectionLength = sectionLength;
    this.periodS = periodS;
    // About 1.6 strides a second at 5 m/s up to 2.2 at 9 m/s, whole strides per period.
    double meanSpeed = profile.distancePerPeriod() / periodS;
    this.strideCyclesPerPeriod = Math.round((1.1 + 0.12 * meanSpeed) * periodS);
    this.jumpsS = jumpsS.clone();
    this.takeOffSpeedMps = takeOffSpeedMps;
    this.jersey = jersey;
  }

  int index() {
    return index;
  }

  int lane() {
    return lane;
  }

  double heightM() {
    return heightM;
  }

  Color jersey() {
    return jersey;
  }

  /** Returns the distance run since the scene's time 0, including the start offset. */
  private double run(double t) {
    double periods = Math.floor(t / periodS);
    double within = t - periods * periodS;
    return startOffsetM + periods * profile.distancePerPeriod() + profile.distanceAt(within);
  }

  /** Returns where the feet (the pelvis's ground point) are at {@code t} seconds. */
  GroundPoint position(double t) {
    double along = run(t) % sectionLength;
    return new GroundPoint(sectionStartX + along, laneCentreY);
  }

  /** Returns how many laps of the section the athlete has started since time 0. */
  long lap(double t) {
    return (long) Math.floor(run(t) / sectionLength);
  }

  /** Returns the horizontal speed at {@code t} seconds. */
  double speedMps(double t) {
    return profile.speedAt(t - Math.floor(t / periodS) * periodS);
  }

  /** Returns the stride phase at {@code t}, in radians: one cycle is a left and a right step. */
  double stridePhase(double t) {
    return 2 * Math.PI * strideCyclesPerPeriod * t / periodS;
  }

  /** Returns how high the whole body is off the ground at {@code t}: nonzero only in a jump. */
  double liftM(double t) {
    double within = t - Math.floor(t / periodS) * periodS;
    for (double takeOff : jumpsS) {
      double inAir = within - takeOff;
      if (inAir > 0 && inAir < flightS()) {
        return takeOffSpeedMps * inAir - GRAVITY * inAir * inAir / 2;
      }
    }
    return 0;
  }

  /** Returns how long a jump lasts. */
  double flightS() {
    return 2 * takeOffSpeedMps / GRAVITY;
  }

  /** Returns the jump's peak height above the ground. */
  double jumpHeightM() {
    return takeOffSpeedMps * takeOffSpeedMps / (2 * GRAVITY);
  }

  /** Returns the take-off times within one period, in seconds. */
  double[] jumpsInPeriod() {
    return jumpsS.clone();
  }

  double periodS() {
    return periodS;
  }
}
