package dev.slipstream.vision.events;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.kinematics.FeetLift;
import org.jspecify.annotations.Nullable;

/**
 * Jumps of one track seen from its boxes alone ({@link FeetLift}): the whole body lifted off the
 * ground for at least two frames, at least {@link EventSettings#jumpMinRiseM()} up at the peak plus
 * one pixel at the person's scale, reported on landing with take-off time, peak height and flight
 * time. This is how a wide shot sees jumps, where people are too small for {@link JumpDetector}'s
 * pose. The extra pixel is the box's own resolution: box edges are whole pixels, and at 25 px tall
 * one pixel is 7 cm, so a stride's wobble of the head and the swap of the lower foot between near
 * and far can together read as a lift of the threshold for a few frames.
 *
 * <p>A real flight lasts as long as its height demands (a body thrown up h metres is in the air for
 * √(8h/g)): a lift that comes and goes much faster than its height allows is the detector's noise
 * at the feet (a shadow, a merged blob), not a jump, and is dropped.
 *
 * <p>Take-off and landing are dated halfway between the last frame on the ground and the first in
 * the air (and back), as {@link JumpDetector} does.
 */
final class BoxJumpDetector {
  private static final int MIN_AIRBORNE_FRAMES = 2;
  private static final double GRAVITY = 9.81;

  /** The share of the flight time its height demands that a jump must last at least. */
  private static final double MIN_FLIGHT_SHARE = 0.6;

  private final EventSettings settings;
  private long lastGroundedUs = Long.MIN_VALUE;
  private @Nullable GroundPoint takeOffPosition;
  private double takeOffSpeed;
  private boolean inFlight;
  private long takeOffUs;
  private long lastAirborneUs;
  private double peakLiftM;
  private double peakResolutionM;
  private int airborneFrames;

  BoxJumpDetector(EventSettings settings) {
    this.settings = settings;
  }

  @Nullable VisionEvent observe(
      int trackId, long mediaTimeUs, FeetLift.Sample lift, GroundPoint position, double speed) {
    if (Double.isNaN(lift.liftM())) {
      inFlight = false;
      lastGroundedUs = Long.MIN_VALUE;
      return null;
    }
    if (!lift.airborne()) {
      VisionEvent landed = inFlight ? landing(trackId, mediaTimeUs) : null;
      inFlight = false;
      lastGroundedUs = mediaTimeUs;
      takeOffPosition = position;
      takeOffSpeed = speed;
      return landed;
    }
    if (lastGroundedUs == Long.MIN_VALUE) {
      return null;
    }
    if (!inFlight) {
      inFlight = true;
      takeOffUs = lastGroundedUs + (mediaTimeUs - lastGroundedUs) / 2;
      peakLiftM = 0;
      peakResolutionM = 0;
      airborneFrames = 0;
    }
    if (lift.liftM() > peakLiftM) {
      peakLiftM = lift.liftM();
      peakResolutionM = lift.metresPerPixel();
    }
    airborneFrames++;
    lastAirborneUs = mediaTimeUs;
    return null;
  }

  private @Nullable VisionEvent landing(int trackId, long now) {
    if (airborneFrames < MIN_AIRBORNE_FRAMES
        || peakLiftM < settings.jumpMinRiseM() + peakResolutionM
        || takeOffPosition == null) {
      return null;
    }
    long landedUs = lastAirborneUs + (now - lastAirborneUs) / 2;
    double flightS = (landedUs - takeOffUs) / 1e6;
    if (flightS < MIN_FLIGHT_SHARE * Math.sqrt(8 * peakLiftM / GRAVITY)) {
      return null;
    }
    return new Jumped(
        trackId,
        takeOffUs,
        takeOffPosition,
        takeOffSpeed,
        peakLiftM,
        (landedUs - takeOffUs) / 1e3,
        landedUs);
  }
}
