package dev.slipstream.vision.kinematics;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.geometry.PixelPoint;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The ground motion of one track: position of the feet (the bottom centre of the box mapped through
 * the homography), smoothed velocity, speed and acceleration (see {@link MotionWindow}), distance
 * covered and top speed.
 *
 * <p>Every sample is first checked against the {@link SportProfile}: a position the person could
 * not have reached from the last estimate at the sport's top speed, or that strays from the
 * predicted path more than its top acceleration allows (beyond {@link
 * MotionSettings#positionToleranceM()} of noise), is rejected and counted. After {@link
 * MotionSettings#maxConsecutiveRejections()} rejections in a row, motion starts afresh from the new
 * position; the jump itself never counts as distance or speed.
 *
 * <p>Distance is speed integrated over time. Both it and top speed only take settled speeds that
 * stand clear of their own noise (four standard errors of the fitted slope, with the residual
 * variance pooled over recent fits): summing noisy positions instead would have a person standing
 * still cover metres, as 2 px in depth reads as a metre per second now and then.
 *
 * <p>Not thread-safe: one per track, fed by the stream's pipeline thread.
 */
public final class TrackMotion {
  /**
   * How many standard errors a speed must stand above zero to count towards top speed and distance.
   */
  private static final double SIGNIFICANT_SPEED = 4;

  /** Weight of each new fit in the pooled residual variance (about the last 20 fits count). */
  private static final double NOISE_POOLING = 0.05;

  private final Homography homography;
  private final SportProfile profile;
  private final MotionSettings settings;
  private final MotionWindow window;
  private final Map<RejectionReason, Integer> rejections = new EnumMap<>(RejectionReason.class);
  private @Nullable MotionEstimate last;
  private double distanceM;
  private double topSpeedMps;
  private double pooledResidualVariance = Double.NaN;
  private int pooledFits;
  private @Nullable GroundPoint uncountedFrom;
  private int consecutiveRejections;
  private int restarts;

  /** Creates the motion of a track with no samples yet. */
  public TrackMotion(Homography homography, SportProfile profile, MotionSettings settings) {
    this.homography = Objects.requireNonNull(homography, "homography");
    this.profile = Objects.requireNonNull(profile, "profile");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.window = new MotionWindow(settings);
  }

  /**
   * Adds the box a track was detected with at {@code mediaTimeUs}; its feet are its bottom centre.
   */
  public MotionUpdate addBox(long mediaTimeUs, PixelBox box) {
    return addFeet(mediaTimeUs, box.bottomCentre());
  }

  /**
   * Adds where the track's feet touch the ground on the frame at {@code mediaTimeUs}: the lowest
   * visible point of the feet, which the body's centre stands {@link MotionSettings#feetDepthM()}
   * behind along the camera's line of sight.
   */
  public MotionUpdate addFeet(long mediaTimeUs, PixelPoint feet) {
    PixelPoint beyond = new PixelPoint(feet.x(), feet.y() - 1);
    if (!homography.isOnGround(feet) || !homography.isOnGround(beyond)) {
      return reject(RejectionReason.ABOVE_HORIZON);
    }
    GroundPoint near = homography.toGround(feet);
    GroundPoint far = homography.toGround(beyond);
    double dx = far.x() - near.x();
    double dy = far.y() - near.y();
    double length = Math.hypot(dx, dy);
    if (!(length > 0)) {
      return addPosition(mediaTimeUs, near);
    }
    double depth = settings.feetDepthM() / length;
    return addPosition(mediaTimeUs, new GroundPoint(near.x() + dx * depth, near.y() + dy * depth));
  }

  /** Adds a measured ground position of the track's feet at {@code mediaTimeUs}. */
  public MotionUpdate addPosition(long mediaTimeUs, GroundPoint position) {
    if (last != null && mediaTimeUs <= last.mediaTimeUs()) {
      throw new IllegalArgumentException(
          "media time must increase (was " + mediaTimeUs + " after " + last.mediaTimeUs() + ")");
    }
    if (last != null) {
      RejectionReason reason = implausibility(mediaTimeUs, position, last);
      if (reason != null) {
        if (consecutiveRejections + 1 < settings.maxConsecutiveRejections()) {
          return reject(reason);
        }
        reject(reason);
        restart();
      }
    }
    consecutiveRejections = 0;
    window.add(mediaTimeUs, position);
    last = estimate(window.fit());
    return new MotionUpdate(last, null);
  }

  /** Returns the last estimate with its position carried forward to {@code mediaTimeUs}. */
  public @Nullable MotionEstimate predictAt(long mediaTimeUs) {
    MotionEstimate current = last;
    if (current == null || mediaTimeUs <= current.mediaTimeUs()) {
      return current;
    }
    double dt = (mediaTimeUs - current.mediaTimeUs()) / 1e6;
    return new MotionEstimate(
        mediaTimeUs,
        current.position().plus(current.velocity().times(dt)),
        current.velocity(),
        current.speedMps(),
        current.accelerationMps2(),
        current.distanceM(),
        current.topSpeedMps(),
        current.settled());
  }

  /** Returns the latest estimate, or null before the first accepted sample. */
  public @Nullable MotionEstimate latest() {
    return last;
  }

  /** Returns how many samples were rejected, by reason. */
  public Map<RejectionReason, Integer> rejections() {
    return Map.copyOf(rejections);
  }

  /** Returns how many times motion started afresh after a run of rejections. */
  public int restarts() {
    return restarts;
  }

  private @Nullable RejectionReason implausibility(
      long mediaTimeUs, GroundPoint position, MotionEstimate previous) {
    double dt = (mediaTimeUs - previous.mediaTimeUs()) / 1e6;
    double tolerance = settings.positionToleranceM();
    if (position.distanceTo(previous.position()) > profile.maxSpeedMps() * dt + tolerance) {
      return RejectionReason.SPEED_ABOVE_LIMIT;
    }
    if (!previous.settled()) {
      // An unsettled velocity (zero on the first sample) predicts nothing worth holding to.
      return null;
    }
    GroundPoint predicted = previous.position().plus(previous.velocity().times(dt));
    if (position.distanceTo(predicted)
        > 0.5 * profile.maxAccelerationMps2() * dt * dt + tolerance) {
      return RejectionReason.ACCELERATION_ABOVE_LIMIT;
    }
    return null;
  }

  private MotionUpdate reject(RejectionReason reason) {
    rejections.merge(reason, 1, Integer::sum);
    consecutiveRejections++;
    return new MotionUpdate(last, reason);
  }

  private void restart() {
    restarts++;
    window.clear();
    last = null;
    uncountedFrom = null;
  }

  /**
   * Returns whether the speed of the fitted line (before the lag correction, which adds noise of
   * its own) stands {@link #SIGNIFICANT_SPEED} standard errors clear of zero. The error comes from
   * the residual variance pooled over the track's recent fits rather than this fit's alone: a
   * handful of residuals can by chance be small, and a noise spike would then pass as a real speed.
   */
  private boolean isClearOfNoise(MotionWindow.Fit fit) {
    double variance = fit.residualVariance();
    if (Double.isFinite(variance)) {
      // A plain mean over the first fits, then an exponential average that follows the noise.
      pooledFits++;
      double weight = Math.max(1.0 / pooledFits, NOISE_POOLING);
      pooledResidualVariance =
          Double.isNaN(pooledResidualVariance)
              ? variance
              : pooledResidualVariance + weight * (variance - pooledResidualVariance);
    }
    if (Double.isNaN(pooledResidualVariance) || fit.timeSpread() <= 0) {
      return false;
    }
    double standardError = Math.sqrt(pooledResidualVariance / fit.timeSpread());
    return fit.lineSpeed() > SIGNIFICANT_SPEED * standardError;
  }

  private MotionEstimate estimate(MotionWindow.Fit fit) {
    double speed = fit.velocity().length();
    double along = speed > 1e-6 ? fit.acceleration().dot(fit.velocity()) / speed : 0;
    boolean settled =
        fit.velocitySamples() >= settings.minSamples()
            && fit.velocitySpanSeconds() * 2e6 >= settings.velocityWindowUs();
    if (last == null) {
      uncountedFrom = fit.position();
    }
    if (settled && isClearOfNoise(fit) && speed <= profile.maxSpeedMps()) {
      topSpeedMps = Math.max(topSpeedMps, speed);
      // The first counted step also covers the ground crossed before speed could be trusted.
      if (uncountedFrom != null) {
        distanceM += fit.position().distanceTo(uncountedFrom);
        uncountedFrom = null;
      } else if (last != null) {
        distanceM += speed * (fit.timeUs() - last.mediaTimeUs()) / 1e6;
      }
    }
    return new MotionEstimate(
        fit.timeUs(),
        fit.position(),
        fit.velocity(),
        speed,
        along,
        distanceM,
        topSpeedMps,
        settled);
  }
}
