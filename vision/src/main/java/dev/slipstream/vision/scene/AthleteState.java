package dev.slipstream.vision.scene;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelBox;

/**
 * Ground truth of one synthetic athlete at one moment.
 *
 * @param athlete the athlete's index in the scene, from 0
 * @param lane the lane they run in, from 1 (nearest the camera)
 * @param position the ground point under their pelvis, in metres
 * @param speedMps their horizontal speed
 * @param liftM how high their feet are off the ground (in a jump), 0 otherwise
 * @param lap how many times they have started the visible section since scene time 0; a new lap
 *     enters the view from the left as, for scoring, a new appearance
 * @param box the box their drawn body covers on the frame
 * @param inView whether the whole body is on the frame
 * @param occluded whether their box touches another athlete's, so a detector may see one blob
 */
public record AthleteState(
    int athlete,
    int lane,
    GroundPoint position,
    double speedMps,
    double liftM,
    long lap,
    PixelBox box,
    boolean inView,
    boolean occluded) {}
