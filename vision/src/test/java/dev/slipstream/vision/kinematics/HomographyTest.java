package dev.slipstream.vision.kinematics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelPoint;
import dev.slipstream.vision.scene.PinholeCamera;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class HomographyTest {
  private final PinholeCamera camera = PinholeCamera.trackside();

  @Test
  void fourExactLandmarksMapTheWholeGroundLikeTheCamera() {
    Homography homography =
        camera.calibrate(
            List.of(
                new GroundPoint(35, 0),
                new GroundPoint(65, 0),
                new GroundPoint(65, 10),
                new GroundPoint(35, 10)));

    for (double x = 30; x <= 70; x += 2.5) {
      for (double y = -2; y <= 12; y += 1) {
        GroundPoint truth = new GroundPoint(x, y);
        PixelPoint pixel = camera.project(truth);
        assertThat(homography.toGround(pixel).distanceTo(truth)).isLessThan(1e-6);
        assertThat(homography.toImage(truth).distanceTo(pixel)).isLessThan(1e-6);
      }
    }
    assertThat(homography.rmsErrorMetres()).isLessThan(1e-9);
  }

  @Test
  void manyNoisyLandmarksAreFittedByLeastSquaresBetterThanFourOfThem() {
    Random random = new Random(5);
    List<CalibrationPoint> landmarks = new ArrayList<>();
    for (double x = 35; x <= 65; x += 5) {
      for (double y = 0; y <= 10; y += 5) {
        PixelPoint exact = camera.project(new GroundPoint(x, y));
        PixelPoint clicked =
            new PixelPoint(exact.x() + random.nextGaussian(), exact.y() + random.nextGaussian());
        landmarks.add(new CalibrationPoint(clicked, new GroundPoint(x, y)));
      }
    }

    double allError = meanGroundError(Homography.fit(landmarks));
    double cornersError =
        meanGroundError(
            Homography.fit(
                List.of(landmarks.get(0), landmarks.get(2), landmarks.get(18), landmarks.get(20))));

    assertThat(allError).isLessThan(0.05).isLessThan(cornersError);
  }

  @Test
  void pointsAboveTheHorizonHaveNoPlaceOnTheGround() {
    Homography homography = camera.calibrate();

    PixelPoint sky = new PixelPoint(640, -2_000);

    assertThat(homography.isOnGround(sky)).isFalse();
    assertThatThrownBy(() -> homography.toGround(sky))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("above the horizon");
    assertThat(homography.isOnGround(new PixelPoint(640, 500))).isTrue();
  }

  @Test
  void theGroundScaleAtAPointMatchesTheCamera() {
    Homography homography = camera.calibrate();
    PixelPoint feet = camera.project(new GroundPoint(50, 5));

    double metresPerPixel = homography.metresPerPixelAt(feet);

    // 1000 px focal length at 32.3 m from the camera.
    assertThat(metresPerPixel).isCloseTo(Math.hypot(30, 12) / 1000, within(0.001));
  }

  @Test
  void fewerThanFourLandmarksAreRefused() {
    assertRefused(
        () -> camera.calibrate(List.of(g(35, 0), g(65, 0), g(50, 10))),
        "calibration_too_few_points",
        "calibration needs at least 4 point pairs, no 3 of them on one line (got 3)");
  }

  @Test
  void threeLandmarksOnOneLineAreNamed() {
    assertRefused(
        () -> camera.calibrate(List.of(g(35, 0), g(50, 0), g(65, 0), g(50, 10))),
        "calibration_collinear_points",
        "calibration image points 1, 2 and 3 lie on one line; a homography needs 4 points with no 3"
            + " on a line");
  }

  @Test
  void landmarksAllOnTwoLinesWithNoFourInGeneralPositionAreRefused() {
    assertRefused(
        () ->
            camera.calibrate(
                List.of(g(35, 0), g(40, 0), g(45, 0), g(50, 0), g(55, 0), g(60, 0), g(47, 10))),
        "calibration_collinear_points",
        "calibration image points have no 4 with no 3 on one line (all 7 lie on one or two lines);"
            + " add landmarks spread over the field");
  }

  @Test
  void theSameLandmarkTwiceIsRefused() {
    assertRefused(
        () -> camera.calibrate(List.of(g(35, 0), g(65, 0), g(65, 10), g(35, 0), g(35, 10))),
        "calibration_duplicate_points",
        "calibration image points 1 and 4 are the same point; every point pair must be a different"
            + " landmark");
  }

  @Test
  void aCoordinateThatIsNotANumberIsRefused() {
    List<CalibrationPoint> points =
        List.of(
            new CalibrationPoint(new PixelPoint(0, 0), g(0, 0)),
            new CalibrationPoint(new PixelPoint(100, 0), g(1, 0)),
            new CalibrationPoint(new PixelPoint(100, Double.NaN), g(1, 1)),
            new CalibrationPoint(new PixelPoint(0, 100), g(0, 1)));

    assertRefused(
        () -> Homography.fit(points),
        "calibration_non_finite",
        "calibration point 3 has a coordinate that is not a finite number"
            + " (CalibrationPoint[image=PixelPoint[x=100.0, y=NaN],"
            + " ground=GroundPoint[x=1.0, y=1.0]])");
  }

  @Test
  void groundPointsCollapsedOntoALineAreRefusedEvenWhenTheImagePointsAreFine() {
    List<CalibrationPoint> points =
        List.of(
            new CalibrationPoint(new PixelPoint(0, 0), g(0, 0)),
            new CalibrationPoint(new PixelPoint(100, 0), g(1, 0)),
            new CalibrationPoint(new PixelPoint(100, 100), g(2, 0)),
            new CalibrationPoint(new PixelPoint(0, 100), g(3, 1)));

    assertRefused(
        () -> Homography.fit(points),
        "calibration_collinear_points",
        "calibration ground points 1, 2 and 3 lie on one line; a homography needs 4 points with no 3"
            + " on a line");
  }

  @Test
  void landmarksListedInDifferentOrdersOnFrameAndGroundAreRefused() {
    // The ground corners are swapped diagonally: the mapping would need the horizon to run
    // between the landmarks, which no camera looking at them can produce.
    List<CalibrationPoint> points =
        List.of(
            new CalibrationPoint(camera.project(g(35, 0)), g(35, 0)),
            new CalibrationPoint(camera.project(g(65, 0)), g(65, 10)),
            new CalibrationPoint(camera.project(g(65, 10)), g(65, 0)),
            new CalibrationPoint(camera.project(g(35, 10)), g(35, 10)));

    assertRefused(
        () -> Homography.fit(points),
        "calibration_inconsistent_points",
        "calibration points put the horizon between landmarks, which no camera can see; check that"
            + " the image and ground points are listed in the same order");
  }

  private double meanGroundError(Homography homography) {
    double sum = 0;
    int count = 0;
    for (double x = 30; x <= 70; x += 1) {
      for (double y = 0; y <= 10; y += 1) {
        GroundPoint truth = new GroundPoint(x, y);
        sum += homography.toGround(camera.project(truth)).distanceTo(truth);
        count++;
      }
    }
    return sum / count;
  }

  private static GroundPoint g(double x, double y) {
    return new GroundPoint(x, y);
  }

  private static void assertRefused(ThrowingCallable fit, String code, String message) {
    assertThatThrownBy(fit)
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessage(message);
  }
}
