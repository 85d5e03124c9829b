package dev.slipstream.vision.scene;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelBox;
import dev.slipstream.vision.geometry.PixelPoint;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;

/**
 * An athlete's body at one moment, as limbs of known thickness between 3-D joints (metres, z up,
 * running towards +x): head, torso, arms swinging against the legs, thighs and shanks folding
 * through the stride. The body is placed so its lower foot touches the ground (or, in a jump, the
 * height of the jump above it). Drawn through a {@link PinholeCamera}, with a shadow cast on the
 * ground.
 */
final class StickFigure {
  private static final Color SHORTS = new Color(0x20, 0x20, 0x28);
  private static final Color SHOES = new Color(0xF0, 0xF0, 0xF0);
  private static final double SOLE = 0.05;

  /** One limb: a thick line between two joints. */
  private record Limb(double[] from, double[] to, double widthM, Color colour, boolean far) {}

  private final List<Limb> limbs = new ArrayList<>();
  private final double[] head;
  private final double headRadiusM;
  private final GroundPoint feet;
  private final double scale;

  /**
   * Poses the body.
   *
   * @param feet the ground point under the pelvis
   * @param heightM standing height
   * @param phase stride phase in radians
   * @param speedMps running speed, which sets how far the limbs swing
   * @param liftM how far the lower foot is off the ground (a jump)
   */
  StickFigure(
      GroundPoint feet,
      double heightM,
      double phase,
      double speedMps,
      double liftM,
      Color jersey,
      Color skin) {
    this.feet = feet;
    this.scale = heightM / 1.8;
    double s = scale;
    double swing = Math.min(1, 0.35 + speedMps / 10);
    double[] hip = {feet.x(), feet.y(), 0.95 * s};
    double lean = 0.08 + 0.02 * speedMps;
    double[] neck = {
      hip[0] + Math.sin(lean) * 0.52 * s, hip[1], hip[2] + Math.cos(lean) * 0.52 * s
    };
    List<double[]> ankles = new ArrayList<>();
    List<Limb> legs = new ArrayList<>();
    for (int side = 0; side < 2; side++) {
      double p = phase + side * Math.PI;
      double lateral = (side == 0 ? 1 : -1) * 0.09 * s;
      double[] hipJoint = {hip[0], hip[1] + lateral, hip[2]};
      double thigh = 0.65 * swing * Math.sin(p);
      double bend = 0.2 + 1.4 * swing * Math.max(0, Math.cos(p));
      double[] knee = along(hipJoint, thigh, 0.46 * s);
      double[] ankle = along(knee, thigh - bend, 0.46 * s);
      double[] toe = {ankle[0] + 0.16 * s, ankle[1], ankle[2] - 0.02 * s};
      boolean far = lateral > 0;
      legs.add(new Limb(hipJoint, knee, 0.17 * s, SHORTS, far));
      legs.add(new Limb(knee, ankle, 0.12 * s, skin, far));
      legs.add(new Limb(ankle, toe, 0.09 * s, SHOES, far));
      ankles.add(ankle);
    }
    // Drop (or raise) the body so the lower ankle's sole touches the ground, plus any jump.
    double lowest = Math.min(ankles.get(0)[2], ankles.get(1)[2]) - SOLE * s;
    double shift = liftM - lowest;
    for (Limb leg : legs) {
      limbs.add(lifted(leg, shift));
    }
    hip[2] += shift;
    neck[2] += shift;
    for (int side = 0; side < 2; side++) {
      // Each arm swings against the leg on its side.
      double p = phase + side * Math.PI;
      double lateral = (side == 0 ? 1 : -1) * 0.19 * s;
      double[] shoulder = {neck[0], neck[1] + lateral, neck[2] - 0.04 * s};
      double upper = -0.75 * swing * Math.sin(p);
      double[] elbow = along(shoulder, upper, 0.29 * s);
      double[] wrist = along(elbow, upper + 1.4, 0.27 * s);
      boolean far = lateral > 0;
      limbs.add(new Limb(shoulder, elbow, 0.10 * s, jersey, far));
      limbs.add(new Limb(elbow, wrist, 0.08 * s, skin, far));
    }
    limbs.add(new Limb(hip, neck, 0.34 * s, jersey, false));
    this.headRadiusM = 0.115 * s;
    this.head = new double[] {neck[0] + 0.05 * s, neck[1], neck[2] + 0.15 * s};
  }

  private static double[] along(double[] from, double angleFromDown, double length) {
    return new double[] {
      from[0] + Math.sin(angleFromDown) * length,
      from[1],
      from[2] - Math.cos(angleFromDown) * length
    };
  }

  private static Limb lifted(Limb limb, double dz) {
    return new Limb(
        new double[] {limb.from()[0], limb.from()[1], limb.from()[2] + dz},
        new double[] {limb.to()[0], limb.to()[1], limb.to()[2] + dz},
        limb.widthM(),
        limb.colour(),
        limb.far());
  }

  /** Darkens the ground where the body blocks the low sun (towards +x and away from the camera). */
  void drawShadow(Graphics2D g, PinholeCamera camera) {
    Path2D.Double outline = new Path2D.Double();
    double cx = feet.x() + 0.35 * scale;
    double cy = feet.y() + 0.45 * scale;
    for (int i = 0; i <= 24; i++) {
      double a = 2 * Math.PI * i / 24;
      // An ellipse 1.1 m × 0.45 m, its long axis pointing away from the sun.
      double u = 0.55 * scale * Math.cos(a);
      double v = 0.22 * scale * Math.sin(a);
      PixelPoint p = camera.project(cx + 0.6 * u - 0.8 * v, cy + 0.8 * u + 0.6 * v, 0);
      if (i == 0) {
        outline.moveTo(p.x(), p.y());
      } else {
        outline.lineTo(p.x(), p.y());
      }
    }
    Composite before = g.getComposite();
    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.35f));
    g.setColor(Color.BLACK);
    g.fill(outline);
    g.setComposite(before);
  }

  /** Draws the body: far limbs, then torso and head, then near limbs. */
  void draw(Graphics2D g, PinholeCamera camera) {
    double ppm = pixelsPerMetre(camera);
    for (boolean farPass : new boolean[] {true, false}) {
      for (Limb limb : limbs) {
        if (limb.far() == farPass) {
          drawLimb(g, camera, limb, ppm);
        }
      }
      if (farPass) {
        PixelPoint centre = camera.project(head[0], head[1], head[2]);
        double r = Math.max(1.2, headRadiusM * ppm);
        g.setColor(new Color(0x3A, 0x2A, 0x22));
        g.fill(new Ellipse2D.Double(centre.x() - r, centre.y() - r, 2 * r, 2 * r));
      }
    }
  }

  private static void drawLimb(Graphics2D g, PinholeCamera camera, Limb limb, double ppm) {
    PixelPoint a = camera.project(limb.from()[0], limb.from()[1], limb.from()[2]);
    PixelPoint b = camera.project(limb.to()[0], limb.to()[1], limb.to()[2]);
    g.setColor(limb.far() ? limb.colour().darker() : limb.colour());
    g.setStroke(
        new BasicStroke(
            (float) Math.max(1, limb.widthM() * ppm),
            BasicStroke.CAP_ROUND,
            BasicStroke.JOIN_ROUND));
    g.draw(new Line2D.Double(a.x(), a.y(), b.x(), b.y()));
  }

  private double pixelsPerMetre(PinholeCamera camera) {
    return camera.pixelsPerMetreAt(feet.x(), feet.y(), 0.9 * scale);
  }

  /** Returns the box the drawn body covers on the frame (shadow excluded). */
  PixelBox box(PinholeCamera camera) {
    double ppm = pixelsPerMetre(camera);
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (Limb limb : limbs) {
      double half = Math.max(1, limb.widthM() * ppm) / 2;
      for (double[] joint : new double[][] {limb.from(), limb.to()}) {
        PixelPoint p = camera.project(joint[0], joint[1], joint[2]);
        minX = Math.min(minX, p.x() - half);
        maxX = Math.max(maxX, p.x() + half);
        minY = Math.min(minY, p.y() - half);
        maxY = Math.max(maxY, p.y() + half);
      }
    }
    PixelPoint centre = camera.project(head[0], head[1], head[2]);
    double r = Math.max(1.2, headRadiusM * ppm);
    minY = Math.min(minY, centre.y() - r);
    minX = Math.min(minX, centre.x() - r);
    maxX = Math.max(maxX, centre.x() + r);
    return new PixelBox(minX, minY, maxX - minX, maxY - minY);
  }
}
