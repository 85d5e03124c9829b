package dev.slipstream.vision.scene;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.geometry.PixelPoint;
import dev.slipstream.vision.track.Detection;
import java.util.Random;
import java.util.function.LongFunction;

/**
 * A person of the synthetic scenes: a known ground trajectory and the detector box a camera sees
 * them in, with Gaussian pixel noise on the box's edges.
 *
 * @param name label for assertion messages
 * @param path ground position of the feet at a media time in microseconds
 * @param heightM the person's height
 */
public record Runner(String name, LongFunction<GroundPoint> path, double heightM) {

  /** Returns a runner moving in a straight line at constant speed. */
  public static Runner straight(
      String name, GroundPoint start, double velocityX, double velocityY) {
    return new Runner(
        name,
        t -> new GroundPoint(start.x() + velocityX * t / 1e6, start.y() + velocityY * t / 1e6),
        1.8);
  }

  /** Returns the box of the person, feet {@code liftM} above the ground, without noise. */
  public PixelBox box(PinholeCamera camera, long timeUs, double liftM) {
    GroundPoint feet = path.apply(timeUs);
    PixelPoint bottom = camera.project(feet.x(), feet.y(), liftM);
    PixelPoint top = camera.project(feet.x(), feet.y(), liftM + heightM);
    double height = bottom.y() - top.y();
    double width = 0.3 * height;
    return new PixelBox(bottom.x() - width / 2, top.y(), width, height);
  }

  /** Returns a detection of the person with {@code noisePx} of noise on every edge. */
  public Detection detect(PinholeCamera camera, long timeUs, double noisePx, Random random) {
    PixelBox exact = box(camera, timeUs, 0);
    double left = exact.x() + noisePx * random.nextGaussian();
    double right = exact.right() + noisePx * random.nextGaussian();
    double top = exact.y() + noisePx * random.nextGaussian();
    double bottom = exact.bottom() + noisePx * random.nextGaussian();
    return new Detection(new PixelBox(left, top, right - left, bottom - top), 0.9);
  }
}
