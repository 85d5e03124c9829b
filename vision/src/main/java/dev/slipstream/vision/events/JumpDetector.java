package dev.slipstream.vision.events;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.kinematics.FootContact;
import dev.slipstream.vision.kinematics.GaitSample;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * Jumps of one track: both feet off the ground and the hips higher than their height on the ground
 * by at least {@link EventSettings#jumpMinRiseM()}, reported on landing with take-off time, peak
 * height and flight time.
 *
 * <p>The hips' height on the ground is the median of their height on the frame over the last second
 * of frames with a foot down, so it follows a runner's gentle bounce and slopes but ignores a
 * single bad pose. Heights on the frame become metres with the ground scale at the feet ({@link
 * GaitSample#metresPerPixel()}). Take-off and landing are dated halfway between the last frame on
 * the ground and the first in the air (and back), which halves the error of sparse frames.
 */
final class JumpDetector {
  private static final long BASELINE_WINDOW_US = 1_000_000;

  private record HipHeight(long timeUs, double y) {}

  private final EventSettings settings;
  private final Deque<HipHeight> grounded = new ArrayDeque<>();
  private long lastGroundedUs = Long.MIN_VALUE;
  private boolean inFlight;
  private long takeOffUs;
  private double peakRiseM;
  private long lastAirborneUs;
  private @Nullable GroundPoint takeOffPosition;
  private double takeOffSpeed;

  JumpDetector(EventSettings settings) {
    this.settings = settings;
  }

  @Nullable VisionEvent observe(int trackId, GaitSample gait, GroundPoint position, double speed) {
    var hips = gait.hipCentre();
    if (gait.contact() == FootContact.UNKNOWN
        || hips == null
        || !Double.isFinite(gait.metresPerPixel())) {
      inFlight = false;
      return null;
    }
    long now = gait.mediaTimeUs();
    if (gait.contact() != FootContact.NONE) {
      VisionEvent landed = inFlight ? landing(trackId, now) : null;
      inFlight = false;
      grounded.addLast(new HipHeight(now, hips.y()));
      while (now - grounded.peekFirst().timeUs() > BASELINE_WINDOW_US) {
        grounded.removeFirst();
      }
      lastGroundedUs = now;
      takeOffPosition = position;
      takeOffSpeed = speed;
      return landed;
    }
    if (grounded.isEmpty()) {
      return null;
    }
    double riseM = (baselineY() - hips.y()) * gait.metresPerPixel();
    if (!inFlight) {
      inFlight = true;
      takeOffUs = lastGroundedUs + (now - lastGroundedUs) / 2;
      peakRiseM = riseM;
    }
    peakRiseM = Math.max(peakRiseM, riseM);
    lastAirborneUs = now;
    return null;
  }

  private @Nullable VisionEvent landing(int trackId, long now) {
    if (peakRiseM < settings.jumpMinRiseM() || takeOffPosition == null) {
      return null;
    }
    long landedUs = lastAirborneUs + (now - lastAirborneUs) / 2;
    return new Jumped(
        trackId,
        takeOffUs,
        takeOffPosition,
        takeOffSpeed,
        peakRiseM,
        (landedUs - takeOffUs) / 1e3,
        landedUs);
  }

  private double baselineY() {
    double[] ys = grounded.stream().mapToDouble(HipHeight::y).toArray();
    Arrays.sort(ys);
    int middle = ys.length / 2;
    return ys.length % 2 == 1 ? ys[middle] : (ys[middle - 1] + ys[middle]) / 2;
  }
}
