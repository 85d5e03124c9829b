package dev.slipstream.vision.events;

import dev.slipstream.vision.kinematics.Homography;
import dev.slipstream.vision.kinematics.MotionEstimate;
import dev.slipstream.vision.kinematics.MotionSettings;
import dev.slipstream.vision.kinematics.SportProfile;
import dev.slipstream.vision.kinematics.TrackMotion;
import dev.slipstream.vision.scene.PinholeCamera;
import dev.slipstream.vision.scene.Runner;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Films a runner at 15 fps with 2 px of box noise and returns their motion on every frame. */
final class FilmedMotion {
  static final long FRAME_US = 66_667;

  private FilmedMotion() {}

  static List<MotionEstimate> of(Runner runner, long durationUs, long seed) {
    PinholeCamera camera = PinholeCamera.trackside();
    Homography homography = camera.calibrate();
    TrackMotion motion =
        new TrackMotion(homography, SportProfile.sprint(), MotionSettings.defaults());
    Random random = new Random(seed);
    List<MotionEstimate> estimates = new ArrayList<>();
    for (long t = 0; t <= durationUs; t += FRAME_US) {
      var update = motion.addBox(t, runner.detect(camera, t, 2.0, random).box());
      if (update.estimate() != null) {
        estimates.add(update.estimate());
      }
    }
    return estimates;
  }
}
