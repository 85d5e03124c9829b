package dev.slipstream.vision.pose.blazepose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.vision.frame.VideoFrame;
import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.geometry.PixelPoint;
import dev.slipstream.vision.track.Detection;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The person detector on real photographs. Expected positions were read off the pictures by eye
 * (pixel coordinates of the original image).
 */
class BlazePoseDetectorTest {

  private static BlazePoseDetector detector;

  @BeforeAll
  static void loadModel() {
    detector = BlazePoseDetector.create();
  }

  @AfterAll
  static void closeModel() {
    detector.close();
  }

  @Test
  void findsMessiAsOnePersonWithTheHeadBoxOnHisHeadAndTheBodyCircleCentredOnHisHips() {
    List<PersonDetection> people = detector.detectPeople(TestPictures.messi());

    assertThat(people).hasSize(1);
    PersonDetection messi = people.getFirst();
    assertThat(messi.score()).isGreaterThan(0.8);
    // head at about (240, 105), shorts at about (265, 235), boots near the bottom edge
    assertThat(contains(messi.headBox(), new PixelPoint(240, 105))).isTrue();
    assertThat(messi.hipCentre().distanceTo(new PixelPoint(265, 235))).isLessThan(30);
    assertThat(messi.box().bottom()).isGreaterThan(320);
    assertThat(contains(messi.box(), new PixelPoint(240, 105))).isTrue();
    assertThat(Math.toDegrees(messi.bodyRotation())).isBetween(-30.0, 30.0);
  }

  @Test
  void findsTheManFacingTheCameraOnBasketball1AndBothMenOnBasketball2() {
    List<PersonDetection> one = detector.detectPeople(TestPictures.basketball());
    List<PersonDetection> two = detector.detectPeople(TestPictures.frame("basketball2.png"));

    // the man on the left, hips at about (90, 280)
    assertThat(one)
        .anySatisfy(
            p -> assertThat(p.hipCentre().distanceTo(new PixelPoint(90, 280))).isLessThan(40));
    assertThat(two).hasSize(2);
    List<PersonDetection> leftToRight =
        two.stream().sorted(Comparator.comparingDouble(p -> p.hipCentre().x())).toList();
    assertThat(leftToRight.get(0).hipCentre().x()).isBetween(40.0, 140.0);
    assertThat(leftToRight.get(1).hipCentre().x()).isGreaterThan(480.0);
  }

  @Test
  void findsTheManTurnedAwayOnBasketball1OnlyBelowMediaPipesScoreThreshold() {
    // The detector anchors on the face; his is turned away and he is cut by the frame's edge.
    try (BlazePoseDetector lenient =
        BlazePoseDetector.create(new DetectorSettings(ModelSource.bundled(), 1, 0.15, 0.3, 5))) {
      List<PersonDetection> people = lenient.detectPeople(TestPictures.basketball());

      assertThat(people).hasSize(2);
      assertThat(people).anySatisfy(p -> assertThat(p.hipCentre().x()).isGreaterThan(480.0));
      assertThat(people).allSatisfy(p -> assertThat(p.score()).isGreaterThan(0.15));
    }
  }

  @Test
  void findsNobodyOnAnEmptyFrame() {
    assertThat(detector.detectPeople(TestPictures.blank(640, 360))).isEmpty();
    assertThat(detector.detect(TestPictures.blank(1280, 720))).isEmpty();
  }

  @Test
  void givesTheTrackerTheBodyBoxesCutToTheFrame() {
    VideoFrame frame = TestPictures.frame("basketball2.png");

    List<Detection> detections = detector.detect(frame);

    assertThat(detections).hasSize(2);
    assertThat(detections)
        .allSatisfy(
            d -> {
              assertThat(d.box().x()).isGreaterThanOrEqualTo(0);
              assertThat(d.box().y()).isGreaterThanOrEqualTo(0);
              assertThat(d.box().right()).isLessThanOrEqualTo(frame.width());
              assertThat(d.box().bottom()).isLessThanOrEqualTo(frame.height());
            });
    assertThat(detections.stream().map(Detection::box))
        .containsExactlyElementsOf(
            detector.detectPeople(frame).stream().map(PersonDetection::box).toList());
  }

  @Test
  void keepsOnlyTheBestPeopleUpToMaxPeople() {
    try (BlazePoseDetector one =
        BlazePoseDetector.create(DetectorSettings.defaults().withMaxPeople(1))) {
      List<PersonDetection> people = one.detectPeople(TestPictures.frame("basketball2.png"));

      assertThat(people).hasSize(1);
      assertThat(people.getFirst().hipCentre().x()).isLessThan(200);
    }
  }

  private static boolean contains(PixelBox box, PixelPoint point) {
    return point.x() >= box.x()
        && point.x() <= box.right()
        && point.y() >= box.y()
        && point.y() <= box.bottom();
  }
}
