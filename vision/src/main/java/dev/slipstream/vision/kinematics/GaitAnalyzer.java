package dev.slipstream.vision.kinematics;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelPoint;
import dev.slipstream.vision.pose.Keypoint;
import dev.slipstream.vision.pose.Landmark;
import dev.slipstream.vision.pose.Pose;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Gait of one track from its poses: joint angles, which feet are down, how long the last contact
 * lasted, stride length and cadence.
 *
 * <p>A stride is the distance between two successive contacts of the same foot, measured between
 * the mean ground positions of the foot during each contact; a step is one contact of either foot,
 * and cadence is 60 s over the mean time between the starts of recent steps.
 *
 * <p>Not thread-safe: one per track, fed by the stream's pipeline thread.
 */
public final class GaitAnalyzer {
  private final Homography homography;
  private final GaitSettings settings;
  private final FootTracker left;
  private final FootTracker right;
  private final Deque<Long> stepStartsUs = new ArrayDeque<>();
  private @Nullable GroundPoint lastLeftContact;
  private @Nullable GroundPoint lastRightContact;
  private double lastContactMs = Double.NaN;
  private double strideLengthM = Double.NaN;
  private long lastTimeUs = Long.MIN_VALUE;

  /** Creates the gait of a track with no poses yet. */
  public GaitAnalyzer(Homography homography, GaitSettings settings) {
    this.homography = Objects.requireNonNull(homography, "homography");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.left = new FootTracker(settings);
    this.right = new FootTracker(settings);
  }

  /** Takes the track's pose on the frame at {@code mediaTimeUs} and measures its gait. */
  public GaitSample update(long mediaTimeUs, Pose pose) {
    if (mediaTimeUs <= lastTimeUs) {
      throw new IllegalArgumentException(
          "media time must increase (was " + mediaTimeUs + " after " + lastTimeUs + ")");
    }
    lastTimeUs = mediaTimeUs;
    JointAngles angles = JointAngles.of(pose, settings.minVisibility());
    PixelPoint hips = midpoint(pose, Landmark.LEFT_HIP, Landmark.RIGHT_HIP);
    @Nullable PixelPoint leftFoot = soleCentre(pose, true);
    @Nullable PixelPoint rightFoot = soleCentre(pose, false);
    double legLength = legLengthPx(pose);
    FootContact contact = FootContact.UNKNOWN;
    double metresPerPixel = Double.NaN;
    if (leftFoot != null
        && rightFoot != null
        && Double.isFinite(legLength)
        && homography.isOnGround(leftFoot)
        && homography.isOnGround(rightFoot)) {
      observeFoot(mediaTimeUs, left, leftFoot, legLength, true);
      observeFoot(mediaTimeUs, right, rightFoot, legLength, false);
      contact = FootContact.of(left.isDown(), right.isDown());
      PixelPoint between =
          new PixelPoint((leftFoot.x() + rightFoot.x()) / 2, (leftFoot.y() + rightFoot.y()) / 2);
      metresPerPixel = homography.metresPerPixelAt(between);
    } else {
      left.reset();
      right.reset();
    }
    return new GaitSample(
        mediaTimeUs,
        angles,
        contact,
        lastContactMs,
        strideLengthM,
        cadence(),
        hips,
        metresPerPixel);
  }

  private void observeFoot(
      long timeUs, FootTracker foot, PixelPoint image, double legLength, boolean isLeft) {
    boolean wasDown = foot.isDown();
    FootTracker.Contact ended = foot.observe(timeUs, image, homography.toGround(image), legLength);
    if (foot.isDown() && !wasDown) {
      stepStartsUs.addLast(timeUs);
      while (stepStartsUs.size() > settings.cadenceSteps() + 1) {
        stepStartsUs.removeFirst();
      }
    }
    if (ended == null) {
      return;
    }
    lastContactMs = ended.durationMs();
    GroundPoint previous = isLeft ? lastLeftContact : lastRightContact;
    if (previous != null) {
      strideLengthM = previous.distanceTo(ended.position());
    }
    if (isLeft) {
      lastLeftContact = ended.position();
    } else {
      lastRightContact = ended.position();
    }
  }

  private double cadence() {
    if (stepStartsUs.size() < 2) {
      return Double.NaN;
    }
    double spanSeconds = (stepStartsUs.peekLast() - stepStartsUs.peekFirst()) / 1e6;
    return spanSeconds > 0 ? 60 * (stepStartsUs.size() - 1) / spanSeconds : Double.NaN;
  }

  /**
   * Returns the middle of the sole: halfway between heel and toe where both are visible, else
   * whichever is, else the ankle. A fixed point of the foot matters: switching between heel and toe
   * from frame to frame would look like the foot sliding.
   */
  private @Nullable PixelPoint soleCentre(Pose pose, boolean isLeft) {
    Keypoint heel = pose.get(isLeft ? Landmark.LEFT_HEEL : Landmark.RIGHT_HEEL);
    Keypoint toe = pose.get(isLeft ? Landmark.LEFT_FOOT_INDEX : Landmark.RIGHT_FOOT_INDEX);
    Keypoint ankle = pose.get(isLeft ? Landmark.LEFT_ANKLE : Landmark.RIGHT_ANKLE);
    double minVisibility = settings.minVisibility();
    if (heel.isVisible(minVisibility) && toe.isVisible(minVisibility)) {
      return new PixelPoint((heel.x() + toe.x()) / 2, (heel.y() + toe.y()) / 2);
    }
    for (Keypoint fallback : new Keypoint[] {heel, toe, ankle}) {
      if (fallback.isVisible(minVisibility)) {
        return fallback.point();
      }
    }
    return null;
  }

  private double legLengthPx(Pose pose) {
    double sum = 0;
    int legs = 0;
    for (Landmark[] leg :
        new Landmark[][] {
          {Landmark.LEFT_HIP, Landmark.LEFT_ANKLE}, {Landmark.RIGHT_HIP, Landmark.RIGHT_ANKLE}
        }) {
      Keypoint hip = pose.get(leg[0]);
      Keypoint ankle = pose.get(leg[1]);
      if (hip.isVisible(settings.minVisibility()) && ankle.isVisible(settings.minVisibility())) {
        sum += hip.point().distanceTo(ankle.point());
        legs++;
      }
    }
    return legs == 0 ? Double.NaN : sum / legs;
  }

  private @Nullable PixelPoint midpoint(Pose pose, Landmark a, Landmark b) {
    Keypoint first = pose.get(a);
    Keypoint second = pose.get(b);
    if (!first.isVisible(settings.minVisibility()) || !second.isVisible(settings.minVisibility())) {
      return null;
    }
    return new PixelPoint((first.x() + second.x()) / 2, (first.y() + second.y()) / 2);
  }
}
