package dev.slipstream.vision.kinematics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.pose.Keypoint;
import dev.slipstream.vision.pose.Landmark;
import dev.slipstream.vision.pose.Pose;
import dev.slipstream.vision.scene.PinholeCamera;
import dev.slipstream.vision.scene.SyntheticAthlete;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GaitAnalyzerTest {
  private static final long FRAME_US = 33_333;
  private final PinholeCamera camera = PinholeCamera.trackside();
  private final Homography homography = camera.calibrate();

  @Test
  void aJoggersContactsStrideAndCadenceAreMeasuredFromNoisyPoses() {
    // 4 m/s at 180 steps a minute: a stride of 2.67 m, contacts of 200 ms.
    SyntheticAthlete jogger = SyntheticAthlete.running(new GroundPoint(38, 3), 4.0, 180, 200_000);
    GaitAnalyzer gait = new GaitAnalyzer(homography, GaitSettings.defaults());
    Random random = new Random(3);
    int agreeing = 0;
    int frames = 0;
    List<Double> strides = new ArrayList<>();
    List<Double> contacts = new ArrayList<>(); // the last contact's duration, on every frame
    GaitSample sample = null;
    for (long t = 0; t <= 5_000_000; t += FRAME_US) {
      double previousStride = sample == null ? Double.NaN : sample.strideLengthM();
      sample = gait.update(t, jogger.pose(camera, t, 0.5, random));
      if (t < 1_000_000) {
        continue;
      }
      frames++;
      FootContact truth = FootContact.of(jogger.isDown(true, t), jogger.isDown(false, t));
      if (sample.contact() == truth) {
        agreeing++;
      }
      if (sample.strideLengthM() != previousStride) {
        strides.add(sample.strideLengthM());
      }
      if (!Double.isNaN(sample.lastContactMs())) {
        contacts.add(sample.lastContactMs());
      }
    }

    assertThat(agreeing / (double) frames).as("frames whose contact is right").isGreaterThan(0.85);
    assertThat(strides).hasSizeGreaterThanOrEqualTo(10);
    assertThat(median(strides)).isCloseTo(jogger.strideM(), within(0.1 * jogger.strideM()));
    assertThat(median(contacts)).isCloseTo(200, within(FRAME_US / 1e3 * 1.5));
    assertThat(sample.cadenceSpm()).isCloseTo(180, within(9.0));
  }

  @Test
  void bothFeetAreDownWhileStandingAndNeitherInTheAir() {
    SyntheticAthlete jumper = SyntheticAthlete.jumping(new GroundPoint(50, 5), 1_000_000, 2.8);
    GaitAnalyzer gait = new GaitAnalyzer(homography, GaitSettings.defaults());
    Random random = new Random(1);
    List<FootContact> standing = new ArrayList<>();
    List<FootContact> airborne = new ArrayList<>();
    for (long t = 0; t <= 2_500_000; t += FRAME_US) {
      GaitSample sample = gait.update(t, jumper.pose(camera, t, 0.5, random));
      if (t > 300_000 && t < 1_000_000) {
        standing.add(sample.contact());
      }
      if (jumper.liftM(t) > 0.1) {
        airborne.add(sample.contact());
      }
    }

    assertThat(standing).containsOnly(FootContact.BOTH);
    assertThat(airborne).isNotEmpty().containsOnly(FootContact.NONE);
  }

  @Test
  void jointAnglesAreTheInnerAnglesAtEachJoint() {
    Keypoint[] points = new Keypoint[Pose.LANDMARKS];
    java.util.Arrays.fill(points, new Keypoint(0, 0, 0, 0.1));
    // Left leg bent at a right angle, right leg straight, left arm bent to 45°.
    points[Landmark.LEFT_HIP.index()] = visible(100, 100);
    points[Landmark.LEFT_KNEE.index()] = visible(100, 200);
    points[Landmark.LEFT_ANKLE.index()] = visible(200, 200);
    points[Landmark.RIGHT_HIP.index()] = visible(120, 100);
    points[Landmark.RIGHT_KNEE.index()] = visible(120, 200);
    points[Landmark.RIGHT_ANKLE.index()] = visible(120, 300);
    points[Landmark.LEFT_SHOULDER.index()] = visible(100, 0);
    points[Landmark.LEFT_ELBOW.index()] = visible(100, 50);
    points[Landmark.LEFT_WRIST.index()] = visible(130, 20);
    Pose pose = new Pose(List.of(points), 0.9);

    JointAngles angles = JointAngles.of(pose, 0.5);

    assertThat(angles.leftKneeDeg()).isCloseTo(90, within(1e-9));
    assertThat(angles.rightKneeDeg()).isCloseTo(180, within(1e-9));
    assertThat(angles.leftHipDeg()).isCloseTo(180, within(1e-9));
    assertThat(angles.leftElbowDeg()).isCloseTo(45, within(1e-9));
    assertThat(angles.rightHipDeg()).as("right shoulder not visible").isNaN();
    assertThat(angles.rightElbowDeg()).isNaN();
  }

  private static Keypoint visible(double x, double y) {
    return new Keypoint(x, y, 0, 0.99);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
