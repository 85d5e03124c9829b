package dev.slipstream.vision.pose.blazepose;

import static dev.slipstream.vision.pose.Landmark.LEFT_ANKLE;
import static dev.slipstream.vision.pose.Landmark.LEFT_ELBOW;
import static dev.slipstream.vision.pose.Landmark.LEFT_HIP;
import static dev.slipstream.vision.pose.Landmark.LEFT_KNEE;
import static dev.slipstream.vision.pose.Landmark.LEFT_SHOULDER;
import static dev.slipstream.vision.pose.Landmark.LEFT_WRIST;
import static dev.slipstream.vision.pose.Landmark.NOSE;
import static dev.slipstream.vision.pose.Landmark.RIGHT_ANKLE;
import static dev.slipstream.vision.pose.Landmark.RIGHT_ELBOW;
import static dev.slipstream.vision.pose.Landmark.RIGHT_HIP;
import static dev.slipstream.vision.pose.Landmark.RIGHT_KNEE;
import static dev.slipstream.vision.pose.Landmark.RIGHT_SHOULDER;
import static dev.slipstream.vision.pose.Landmark.RIGHT_WRIST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.pose.Keypoint;
import dev.slipstream.vision.pose.Landmark;
import dev.slipstream.vision.pose.Pose;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The landmark estimator on real photographs, through both the detector's and the tracker's path.
 */
class BlazePoseEstimatorTest {

  private static final List<Landmark> MAJOR_JOINTS =
      List.of(
          NOSE,
          LEFT_SHOULDER,
          RIGHT_SHOULDER,
          LEFT_ELBOW,
          RIGHT_ELBOW,
          LEFT_WRIST,
          RIGHT_WRIST,
          LEFT_HIP,
          RIGHT_HIP,
          LEFT_KNEE,
          RIGHT_KNEE,
          LEFT_ANKLE,
          RIGHT_ANKLE);

  private static BlazePoseDetector detector;
  private static BufferedImage messiPhoto;
  private static VideoFrame messi;
  private static PersonDetection messiDetected;

  @BeforeAll
  static void findMessi() {
    detector = BlazePoseDetector.create();
    messiPhoto = TestPictures.image("messi5.jpg");
    messi = TestPictures.toFrame(messiPhoto);
    messiDetected = detector.detectPeople(messi).getFirst();
  }

  @AfterAll
  static void closeDetector() {
    detector.close();
  }

  @Test
  void findsMessisSkeletonWithEveryJointWhereABodyHasIt() {
    try (BlazePoseEstimator estimator = BlazePoseEstimator.create()) {
      Pose pose = estimator.estimate(messi, messiDetected).orElseThrow();

      new SkeletonPicture(messiPhoto)
          .person(messiDetected)
          .pose(pose)
          .write(Path.of("target/messi5-pose.png"));
      assertThat(pose.score()).isGreaterThan(0.9);
      assertPlausibleStandingBody(pose, messiDetected.box());
      // he faces the camera: his left side is on the picture's right
      assertThat(pose.get(LEFT_SHOULDER).x()).isGreaterThan(pose.get(RIGHT_SHOULDER).x());
      assertThat(pose.get(LEFT_HIP).x()).isGreaterThan(pose.get(RIGHT_HIP).x());
      // his left leg reaches right for the ball, his right foot is planted under him
      assertThat(pose.get(LEFT_ANKLE).x()).isGreaterThan(380);
      assertThat(pose.get(RIGHT_ANKLE).y()).isGreaterThan(300);
      assertThat(estimator.name()).isEqualTo("blazepose-full");
    }
  }

  @Test
  void findsTheSameSkeletonFromATightBoxAsTheTrackerGivesIt() {
    // Messi from his raised right hand to his left boot, hair to soles, read off the picture
    PixelBox tight = new PixelBox(70, 60, 385, 280);
    try (BlazePoseEstimator estimator = BlazePoseEstimator.create()) {
      Pose fromDetection = estimator.estimate(messi, messiDetected).orElseThrow();
      Pose fromBox = estimator.estimate(messi, tight).orElseThrow();

      assertPlausibleStandingBody(fromBox, tight);
      for (Landmark joint : MAJOR_JOINTS) {
        assertThat(fromBox.get(joint).point().distanceTo(fromDetection.get(joint).point()))
            .as(joint.name())
            .isLessThan(0.15 * messiDetected.bodyRadius());
      }
    }
  }

  @Test
  void theLiteModelCanBeSwitchedToAndFindsTheSameBody() {
    try (BlazePoseEstimator estimator = BlazePoseEstimator.create()) {
      Pose full = estimator.estimate(messi, messiDetected).orElseThrow();

      estimator.useModel(LandmarkModel.LITE);
      Pose lite = estimator.estimate(messi, messiDetected).orElseThrow();

      assertThat(estimator.model()).isEqualTo(LandmarkModel.LITE);
      assertThat(estimator.name()).isEqualTo("blazepose-lite");
      assertPlausibleStandingBody(lite, messiDetected.box());
      for (Landmark joint : MAJOR_JOINTS) {
        assertThat(lite.get(joint).point().distanceTo(full.get(joint).point()))
            .as(joint.name())
            .isLessThan(0.2 * messiDetected.bodyRadius());
      }
    }
  }

  @Test
  void findsTheManFacingTheCameraOnBasketball1() {
    VideoFrame frame = TestPictures.basketball();
    PersonDetection man = detector.detectPeople(frame).getFirst();
    try (BlazePoseEstimator estimator =
        BlazePoseEstimator.create(EstimatorSettings.defaults().withModel(LandmarkModel.LITE))) {
      Pose pose = estimator.estimate(frame, man).orElseThrow();

      assertPlausibleStandingBody(pose, man.box());
      // both hands are up on the ball, above his elbows
      assertThat(pose.get(LEFT_WRIST).y()).isLessThan(pose.get(LEFT_ELBOW).y());
      assertThat(pose.get(RIGHT_WRIST).y()).isLessThan(pose.get(RIGHT_ELBOW).y());
    }
  }

  @Test
  void aBoxWithNoAreaGivesNoPoseAndIsCounted() {
    try (BlazePoseEstimator estimator = BlazePoseEstimator.create()) {
      assertThat(estimator.estimate(messi, new PixelBox(100, 100, 0, 80))).isEmpty();
      assertThat(estimator.estimate(messi, new PixelBox(100, 100, 40, 0))).isEmpty();

      assertThat(estimator.skipped(SkipReason.EMPTY_BOX)).isEqualTo(2);
    }
  }

  @Test
  void aBoxOffTheFrameGivesNoPoseAndIsCounted() {
    try (BlazePoseEstimator estimator = BlazePoseEstimator.create()) {
      assertThat(estimator.estimate(messi, new PixelBox(-900, 50, 100, 200))).isEmpty();
      assertThat(estimator.estimate(messi, new PixelBox(2000, 2000, 100, 200))).isEmpty();

      assertThat(estimator.skipped(SkipReason.OUTSIDE_FRAME)).isEqualTo(2);
      assertThat(estimator.skipped(SkipReason.EMPTY_BOX)).isZero();
    }
  }

  @Test
  void aBareWallGivesNoPoseAndIsCounted() {
    try (BlazePoseEstimator estimator = BlazePoseEstimator.create()) {
      Optional<Pose> pose =
          estimator.estimate(TestPictures.basketball(), new PixelBox(250, 40, 150, 300));

      assertThat(pose).isEmpty();
      assertThat(estimator.skipped(SkipReason.NO_BODY)).isEqualTo(1);
    }
  }

  @Test
  void aPersonCutByTheFramesEdgeStillGivesAnAnswer() {
    try (BlazePoseEstimator estimator = BlazePoseEstimator.create()) {
      // the man on the right of basketball1, half outside the frame
      Optional<Pose> pose =
          estimator.estimate(TestPictures.basketball(), new PixelBox(430, 20, 300, 470));

      pose.ifPresent(
          p ->
              assertThat(p.keypoints()).allSatisfy(k -> assertThat(k.point().isFinite()).isTrue()));
      assertThat(estimator.skipped(SkipReason.INFERENCE_FAILED)).isZero();
    }
  }

  @Test
  void aClosedEstimatorRefusesToRun() {
    BlazePoseEstimator estimator = BlazePoseEstimator.create();
    estimator.close();
    estimator.close();

    assertThatThrownBy(() -> estimator.estimate(messi, messiDetected.box()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  /**
   * Checks the skeleton of an upright person: the nose above the shoulders above the hips above the
   * knees above the ankles; forearms about as long as upper arms; every major joint on the person's
   * box (with a margin) and visible.
   */
  private static void assertPlausibleStandingBody(Pose pose, PixelBox personBox) {
    double shoulders = mid(pose, LEFT_SHOULDER, RIGHT_SHOULDER);
    double hips = mid(pose, LEFT_HIP, RIGHT_HIP);
    assertThat(pose.get(NOSE).y()).as("nose above shoulders").isLessThan(shoulders);
    assertThat(shoulders).as("shoulders above hips").isLessThan(hips);
    for (Landmark[] leg :
        new Landmark[][] {
          {LEFT_HIP, LEFT_KNEE, LEFT_ANKLE}, {RIGHT_HIP, RIGHT_KNEE, RIGHT_ANKLE}
        }) {
      assertThat(pose.get(leg[0]).y()).as(leg[0] + " above knee").isLessThan(pose.get(leg[1]).y());
      assertThat(pose.get(leg[1]).y()).as(leg[1] + " above ankle").isLessThan(pose.get(leg[2]).y());
    }
    for (Landmark[] arm :
        new Landmark[][] {
          {LEFT_SHOULDER, LEFT_ELBOW, LEFT_WRIST}, {RIGHT_SHOULDER, RIGHT_ELBOW, RIGHT_WRIST}
        }) {
      double upperArm = distance(pose, arm[0], arm[1]);
      double forearm = distance(pose, arm[1], arm[2]);
      assertThat(forearm / upperArm).as(arm[2] + " a forearm from the elbow").isBetween(0.4, 1.8);
    }
    PixelBox around = personBox.grownBy(0.1);
    for (Landmark joint : MAJOR_JOINTS) {
      Keypoint k = pose.get(joint);
      assertThat(k.x()).as(joint + " x").isBetween(around.x(), around.right());
      assertThat(k.y()).as(joint + " y").isBetween(around.y(), around.bottom());
      assertThat(k.isVisible(0.5)).as(joint + " visible").isTrue();
    }
  }

  private static double mid(Pose pose, Landmark a, Landmark b) {
    return (pose.get(a).y() + pose.get(b).y()) / 2;
  }

  private static double distance(Pose pose, Landmark a, Landmark b) {
    return pose.get(a).point().distanceTo(pose.get(b).point());
  }
}
