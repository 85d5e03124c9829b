package dev.slipstream.vision.pose.blazepose;

import dev.slipstream.vision.geometry.PixelBox;

/**
 * The square of the frame the landmark model looks at, possibly turned so the body stands upright
 * in it, as MediaPipe's {@code pose_detection_to_roi}: centred on the body, its side the body's
 * extent times a margin (MediaPipe uses 1.25).
 *
 * @param centreX centre, in frame pixels
 * @param centreY centre, in frame pixels
 * @param side side length, in frame pixels
 * @param rotation clockwise turn in radians; 0 for an upright body
 */
record RegionOfInterest(double centreX, double centreY, double side, double rotation) {

  /**
   * Returns the upright square around a person's box: centred on it, its side the longer of width
   * and height times {@code scale}. For a tight box that is MediaPipe's region, because the body
   * circle's diameter is about the standing height and its centre (the hips) about the box centre.
   */
  static RegionOfInterest around(PixelBox box, double scale) {
    return new RegionOfInterest(
        box.centreX(), box.centreY(), Math.max(box.width(), box.height()) * scale, 0);
  }

  /** Returns the turned square around the detector's body circle, its side the diameter × scale. */
  static RegionOfInterest around(PersonDetection person, double scale) {
    return new RegionOfInterest(
        person.hipCentre().x(),
        person.hipCentre().y(),
        2 * person.bodyRadius() * scale,
        person.bodyRotation());
  }

  /** Returns whether the square's bounding box shares any pixel with a frame of this size. */
  boolean overlapsFrame(int width, int height) {
    double reach = side / 2 * (Math.abs(Math.cos(rotation)) + Math.abs(Math.sin(rotation)));
    return centreX + reach > 0
        && centreY + reach > 0
        && centreX - reach < width
        && centreY - reach < height;
  }
}
