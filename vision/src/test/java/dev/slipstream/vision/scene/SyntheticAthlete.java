package dev.slipstream.vision.scene;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.geometry.PixelPoint;
import dev.slipstream.vision.pose.Keypoint;
import dev.slipstream.vision.pose.Landmark;
import dev.slipstream.vision.pose.Pose;
import dev.slipstream.vision.track.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;

/**
 * A stick-figure athlete with a known gait, filmed by a {@link PinholeCamera} into BlazePose
 * keypoints and a detector box.
 *
 * <p>Running: the left foot lands every two step periods from time 0, the right foot one step
 * period later; each contact lasts {@code contactUs}, with the foot planted under the pelvis's
 * position at mid-contact; between contacts the foot travels in a straight line to its next landing
 * spot, lifted on a half-sine arc. Jumping: the athlete stands on both feet until {@code
 * takeOffUs}, then the whole body flies ballistically with the given take-off speed and lands.
 */
public final class SyntheticAthlete {
  private static final double HIP_HEIGHT = 0.95;
  private static final double THIGH = 0.48;
  private static final double SHANK = 0.48;
  private static final double ANKLE_HEIGHT = 0.08;
  private static final double GRAVITY = 9.81;

  private final LongFunction<GroundPoint> pelvis;
  private final long stepUs;
  private final long contactUs;
  private final double swingHeightM;
  private final long takeOffUs;
  private final double takeOffSpeedMps;

  private SyntheticAthlete(
      LongFunction<GroundPoint> pelvis,
      long stepUs,
      long contactUs,
      double swingHeightM,
      long takeOffUs,
      double takeOffSpeedMps) {
    this.pelvis = pelvis;
    this.stepUs = stepUs;
    this.contactUs = contactUs;
    this.swingHeightM = swingHeightM;
    this.takeOffUs = takeOffUs;
    this.takeOffSpeedMps = takeOffSpeedMps;
  }

  /** Returns an athlete running along x at {@code speedMps} with the given step rate. */
  public static SyntheticAthlete running(
      GroundPoint start, double speedMps, double stepsPerMinute, long contactUs) {
    long stepUs = Math.round(60e6 / stepsPerMinute);
    return new SyntheticAthlete(
        t -> new GroundPoint(start.x() + speedMps * t / 1e6, start.y()),
        stepUs,
        contactUs,
        0.3,
        Long.MAX_VALUE,
        0);
  }

  /** Returns an athlete standing at {@code position} who jumps at {@code takeOffUs}. */
  public static SyntheticAthlete jumping(
      GroundPoint position, long takeOffUs, double takeOffSpeedMps) {
    return new SyntheticAthlete(t -> position, 0, 0, 0, takeOffUs, takeOffSpeedMps);
  }

  /** Returns the peak height of the jump, in metres. */
  public double jumpHeightM() {
    return takeOffSpeedMps * takeOffSpeedMps / (2 * GRAVITY);
  }

  /** Returns the time in the air, in microseconds. */
  public long flightUs() {
    return Math.round(2 * takeOffSpeedMps / GRAVITY * 1e6);
  }

  /** Returns how far the whole body is lifted off the ground at {@code timeUs}. */
  public double liftM(long timeUs) {
    double inAir = (timeUs - takeOffUs) / 1e6;
    if (timeUs < takeOffUs || inAir > 2 * takeOffSpeedMps / GRAVITY) {
      return 0;
    }
    return takeOffSpeedMps * inAir - GRAVITY * inAir * inAir / 2;
  }

  /** Returns the stride length: the distance between two landings of one foot. */
  public double strideM() {
    return pelvis.apply(2 * stepUs).distanceTo(pelvis.apply(0));
  }

  /** Returns whether the left (or right) foot is on the ground at {@code timeUs}. */
  public boolean isDown(boolean left, long timeUs) {
    if (liftM(timeUs) > 0) {
      return false;
    }
    if (stepUs == 0) {
      return true;
    }
    long phase = Math.floorMod(timeUs - (left ? 0 : stepUs), 2 * stepUs);
    return phase < contactUs;
  }

  /** Returns where the pelvis is on the ground at {@code timeUs}. */
  public GroundPoint pelvisAt(long timeUs) {
    return pelvis.apply(timeUs);
  }

  /** Returns the 3-D position of a foot's sole (x, y on the ground, z up) at {@code timeUs}. */
  double[] foot(boolean left, long timeUs) {
    double side = left ? 0.1 : -0.1;
    double lift = liftM(timeUs);
    if (stepUs == 0) {
      GroundPoint p = pelvis.apply(timeUs);
      return new double[] {p.x(), p.y() + side, lift};
    }
    long offset = left ? 0 : stepUs;
    long phase = Math.floorMod(timeUs - offset, 2 * stepUs);
    long contactStart = timeUs - phase;
    GroundPoint planted = pelvis.apply(contactStart + contactUs / 2);
    if (phase < contactUs) {
      return new double[] {planted.x(), planted.y() + side, 0};
    }
    GroundPoint next = pelvis.apply(contactStart + 2 * stepUs + contactUs / 2);
    double progress = (phase - contactUs) / (double) (2 * stepUs - contactUs);
    return new double[] {
      planted.x() + (next.x() - planted.x()) * progress,
      planted.y() + side + (next.y() - planted.y()) * progress,
      swingHeightM * Math.sin(Math.PI * progress)
    };
  }

  /** Returns the pose the camera sees, with {@code noisePx} of noise on every keypoint. */
  public Pose pose(PinholeCamera camera, long timeUs, double noisePx, Random random) {
    double[][] joints = joints(timeUs);
    List<Keypoint> keypoints = new ArrayList<>();
    for (double[] joint : joints) {
      PixelPoint p = camera.project(joint[0], joint[1], joint[2]);
      keypoints.add(
          new Keypoint(
              p.x() + noisePx * random.nextGaussian(),
              p.y() + noisePx * random.nextGaussian(),
              0,
              0.95));
    }
    return new Pose(keypoints, 0.9);
  }

  /** Returns the detector box around the athlete: from the soles to the top of the head. */
  public Detection detection(PinholeCamera camera, long timeUs, double noisePx, Random random) {
    double[][] joints = joints(timeUs);
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (double[] joint : joints) {
      PixelPoint p = camera.project(joint[0], joint[1], joint[2]);
      minX = Math.min(minX, p.x());
      maxX = Math.max(maxX, p.x());
      maxY = Math.max(maxY, p.y());
    }
    GroundPoint body = pelvis.apply(timeUs);
    double top = camera.project(body.x(), body.y(), 1.8 + liftM(timeUs)).y();
    // The box is centred on the body, as a detector's is; its bottom edge is the lower sole.
    double centreX = camera.project(body.x(), body.y(), 0).x();
    double halfWidth = Math.max(maxX - centreX, centreX - minX);
    PixelBox exact = new PixelBox(centreX - halfWidth, top, 2 * halfWidth, maxY - top);
    double left = exact.x() + noisePx * random.nextGaussian();
    double right = exact.right() + noisePx * random.nextGaussian();
    double upper = exact.y() + noisePx * random.nextGaussian();
    double bottom = exact.bottom() + noisePx * random.nextGaussian();
    return new Detection(new PixelBox(left, upper, right - left, bottom - upper), 0.9);
  }

  /** Returns the 33 landmarks in 3-D, BlazePose order. */
  double[][] joints(long timeUs) {
    GroundPoint p = pelvis.apply(timeUs);
    double lift = liftM(timeUs);
    double[][] joints = new double[33][];
    double[] leftHip = {p.x(), p.y() + 0.1, HIP_HEIGHT + lift};
    double[] rightHip = {p.x(), p.y() - 0.1, HIP_HEIGHT + lift};
    double[] leftShoulder = {p.x(), p.y() + 0.18, HIP_HEIGHT + 0.5 + lift};
    double[] rightShoulder = {p.x(), p.y() - 0.18, HIP_HEIGHT + 0.5 + lift};
    double[] nose = {p.x() + 0.08, p.y(), HIP_HEIGHT + 0.75 + lift};
    for (int i = 0; i < 11; i++) {
      joints[i] = nose;
    }
    joints[Landmark.LEFT_SHOULDER.index()] = leftShoulder;
    joints[Landmark.RIGHT_SHOULDER.index()] = rightShoulder;
    for (boolean left : new boolean[] {true, false}) {
      double[] shoulder = left ? leftShoulder : rightShoulder;
      double[] elbow = {shoulder[0] + 0.05, shoulder[1], shoulder[2] - 0.28};
      double[] wrist = {elbow[0] + 0.22, elbow[1], elbow[2] - 0.08};
      joints[(left ? Landmark.LEFT_ELBOW : Landmark.RIGHT_ELBOW).index()] = elbow;
      joints[(left ? Landmark.LEFT_WRIST : Landmark.RIGHT_WRIST).index()] = wrist;
      for (Landmark hand :
          left
              ? new Landmark[] {Landmark.LEFT_PINKY, Landmark.LEFT_INDEX, Landmark.LEFT_THUMB}
              : new Landmark[] {Landmark.RIGHT_PINKY, Landmark.RIGHT_INDEX, Landmark.RIGHT_THUMB}) {
        joints[hand.index()] = wrist;
      }
      double[] hip = left ? leftHip : rightHip;
      double[] sole = foot(left, timeUs);
      double[] ankle = {sole[0], sole[1], sole[2] + ANKLE_HEIGHT};
      joints[(left ? Landmark.LEFT_HIP : Landmark.RIGHT_HIP).index()] = hip;
      joints[(left ? Landmark.LEFT_KNEE : Landmark.RIGHT_KNEE).index()] = knee(hip, ankle);
      joints[(left ? Landmark.LEFT_ANKLE : Landmark.RIGHT_ANKLE).index()] = ankle;
      joints[(left ? Landmark.LEFT_HEEL : Landmark.RIGHT_HEEL).index()] =
          new double[] {sole[0] - 0.05, sole[1], sole[2]};
      joints[(left ? Landmark.LEFT_FOOT_INDEX : Landmark.RIGHT_FOOT_INDEX).index()] =
          new double[] {sole[0] + 0.15, sole[1], sole[2]};
    }
    return joints;
  }

  /** Places the knee forward of the hip-ankle line so that thigh and shank keep their lengths. */
  private static double[] knee(double[] hip, double[] ankle) {
    double dx = ankle[0] - hip[0];
    double dz = ankle[2] - hip[2];
    double reach = Math.min(Math.hypot(dx, dz), THIGH + SHANK - 1e-6);
    double along = (THIGH * THIGH - SHANK * SHANK + reach * reach) / (2 * reach);
    double out = Math.sqrt(Math.max(0, THIGH * THIGH - along * along));
    double length = Math.hypot(dx, dz);
    double ux = dx / length;
    double uz = dz / length;
    // Perpendicular pointing forward (+x) in the sagittal plane.
    double px = -uz;
    double pz = ux;
    if (px < 0) {
      px = -px;
      pz = -pz;
    }
    return new double[] {
      hip[0] + ux * along + px * out, (hip[1] + ankle[1]) / 2, hip[2] + uz * along + pz * out
    };
  }
}
