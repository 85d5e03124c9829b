package dev.slipstream.vision.kinematics;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.geometry.PixelPoint;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * How far one track's body is off the ground, read from its detection boxes alone: the way to see a
 * jump in a wide shot, where people are too small for a pose.
 *
 * <p>Over a second, a person's path on the ground is close to a straight line, and so is its image
 * on the frame, with a slope the calibration gives (the image of the direction of travel). This
 * keeps the box bottoms and tops of the last second on the ground, slides each along that slope to
 * the current column, and takes their medians as where the feet and the head would be on the ground
 * now. The body's lift is the smaller of the feet's rise and the head's: in a jump the trunk goes
 * up whole and the feet with it, while in a stride the bottom of the box swaps between the near and
 * the far foot (two or three pixels at 25 px tall, a lift on every other step with the head staying
 * put) and a box cut short at the top or bottom moves one edge only. Pixels become metres by the
 * person's height on the frame (the median box height on the ground stands for {@code
 * personHeightM}). The direction of travel is the velocity of a straight-line fit of the grounded
 * samples' ground points over time, which averages the steps' sideways swing out.
 *
 * <p>A person is airborne when both the feet and the head are clear of the detector's noise above
 * the ground: both feet off it, and the body lifted rather than a foot raised. Airborne samples do
 * not enter the medians, so a jump does not drag its own baseline up; after {@link #MAX_FLIGHT_US}
 * in the air the baseline is taken to be stale and starts afresh. A person running straight at or
 * away from the camera moves vertically on the frame, where a jump cannot be told from a step:
 * their lift is unknown (NaN).
 *
 * <p>Not thread-safe: one per track, fed by the stream's pipeline thread.
 */
public final class FeetLift {
  private static final long WINDOW_US = 1_000_000;
  private static final long MAX_FLIGHT_US = 1_500_000;
  private static final int MIN_SAMPLES = 6;

  /** Under this much travel over the window the person stands still: the path is flat. */
  private static final double MIN_TRAVEL_M = 0.5;

  /** A lift below this, in metres, is taken as the detector's noise on the ground. */
  private static final double GROUND_NOISE_M = 0.08;

  private record Grounded(long timeUs, double u, double bottom, double top, GroundPoint ground) {}

  /**
   * The body's lift on one frame.
   *
   * @param mediaTimeUs the frame's media time
   * @param liftM how far the whole body (both the top and the bottom of the box, and with them the
   *     hips) is above its height on the ground, metres; NaN while that is not known
   * @param feetLiftM how far the bottom of the box (the lower foot) is above the ground, metres
   * @param metresPerPixel the person's scale on the frame: what one pixel of lift is in metres
   * @param airborne both feet are off the ground and the body is lifted, clear of the detector's
   *     noise
   * @param groundFeet where the feet would touch the ground on the frame: the box's bottom centre,
   *     dropped onto the path while airborne
   */
  public record Sample(
      long mediaTimeUs,
      double liftM,
      double feetLiftM,
      double metresPerPixel,
      boolean airborne,
      PixelPoint groundFeet) {}

  private final Homography homography;
  private final double personHeightM;
  private final Deque<Grounded> grounded = new ArrayDeque<>();
  private long airborneSinceUs = Long.MIN_VALUE;

  /**
   * Creates the lift of a track with no boxes yet.
   *
   * @param homography the stream's calibration
   * @param personHeightM the height a person's box stands for, metres (0.5 to 2.5)
   */
  public FeetLift(Homography homography, double personHeightM) {
    this.homography = Objects.requireNonNull(homography, "homography");
    if (!(personHeightM >= 0.5 && personHeightM <= 2.5)) {
      throw new IllegalArgumentException(
          "personHeightM=" + personHeightM + ": must be between 0.5 and 2.5 m");
    }
    this.personHeightM = personHeightM;
  }

  /** Takes the box the track was detected with at {@code mediaTimeUs}. */
  public Sample observe(long mediaTimeUs, PixelBox box) {
    while (!grounded.isEmpty() && mediaTimeUs - grounded.peekFirst().timeUs() > WINDOW_US) {
      grounded.removeFirst();
    }
    PixelPoint feet = box.bottomCentre();
    double slope = grounded.size() < MIN_SAMPLES ? Double.NaN : pathSlope();
    if (Double.isNaN(slope)) {
      remember(mediaTimeUs, box);
      return new Sample(mediaTimeUs, Double.NaN, Double.NaN, Double.NaN, false, feet);
    }
    double u = feet.x();
    double groundBottom = median(g -> g.bottom() + slope * (u - g.u()));
    double groundTop = median(g -> g.top() + slope * (u - g.u()));
    double metresPerPixel = personHeightM / (groundBottom - groundTop);
    double feetLiftM = (groundBottom - box.bottom()) * metresPerPixel;
    double liftM = Math.min(feetLiftM, (groundTop - box.y()) * metresPerPixel);
    boolean airborne = liftM > GROUND_NOISE_M;
    if (!airborne) {
      airborneSinceUs = Long.MIN_VALUE;
      remember(mediaTimeUs, box);
      return new Sample(mediaTimeUs, liftM, feetLiftM, metresPerPixel, false, feet);
    }
    if (airborneSinceUs == Long.MIN_VALUE) {
      airborneSinceUs = mediaTimeUs;
    } else if (mediaTimeUs - airborneSinceUs > MAX_FLIGHT_US) {
      grounded.clear();
      airborneSinceUs = Long.MIN_VALUE;
      remember(mediaTimeUs, box);
      return new Sample(mediaTimeUs, Double.NaN, Double.NaN, Double.NaN, false, feet);
    }
    return new Sample(
        mediaTimeUs, liftM, feetLiftM, metresPerPixel, true, new PixelPoint(u, groundBottom));
  }

  private void remember(long mediaTimeUs, PixelBox box) {
    PixelPoint feet = box.bottomCentre();
    if (homography.isOnGround(feet)) {
      grounded.addLast(
          new Grounded(mediaTimeUs, feet.x(), box.bottom(), box.y(), homography.toGround(feet)));
    }
  }

  /**
   * The slope (rows per column) of the image of the path on the ground at the latest grounded
   * point: flat for a person standing still, NaN for one moving along the camera's line of sight.
   */
  private double pathSlope() {
    GroundPoint latest = grounded.peekLast().ground();
    GroundPoint travel = velocityFit();
    double length = Math.hypot(travel.x(), travel.y());
    if (length * WINDOW_US / 1e6 < MIN_TRAVEL_M) {
      return 0;
    }
    PixelPoint here = homography.toImage(latest);
    PixelPoint ahead = homography.toImage(latest.plus(travel.times(1 / length)));
    double du = ahead.x() - here.x();
    double dv = ahead.y() - here.y();
    return Math.abs(du) < Math.abs(dv) ? Double.NaN : dv / du;
  }

  /** The slope over time, metres per second, of a least-squares line through the ground points. */
  private GroundPoint velocityFit() {
    int n = grounded.size();
    long origin = grounded.peekFirst().timeUs();
    double meanT = 0;
    double meanX = 0;
    double meanY = 0;
    for (Grounded g : grounded) {
      meanT += (g.timeUs() - origin) / 1e6 / n;
      meanX += g.ground().x() / n;
      meanY += g.ground().y() / n;
    }
    double stt = 0;
    double stx = 0;
    double sty = 0;
    for (Grounded g : grounded) {
      double dt = (g.timeUs() - origin) / 1e6 - meanT;
      stt += dt * dt;
      stx += dt * (g.ground().x() - meanX);
      sty += dt * (g.ground().y() - meanY);
    }
    return stt == 0 ? GroundPoint.ORIGIN : new GroundPoint(stx / stt, sty / stt);
  }

  private double median(ToDoubleFunction<Grounded> value) {
    double[] values = grounded.stream().mapToDouble(value).toArray();
    Arrays.sort(values);
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }
}
