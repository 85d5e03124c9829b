package dev.slipstream.media.ingest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.random.RandomGenerator;

/**
 * One athlete on the synthetic track: where it is, how fast it runs (a slow random walk around its
 * own pace, so the order changes now and then) and the swing of its limbs.
 */
final class Runner {
  private static final Color SKIN = new Color(0xC6, 0x8E, 0x6A);
  private static final Color SHORTS = new Color(0x20, 0x20, 0x28);
  private static final double MIN_SPEED = 2.0;
  private static final double MAX_SPEED = 6.5;

  private final Color jersey;
  private final int laneBaseline;
  private final double pace;
  private final double scale;
  private double x;
  private double speed;
  private double stride;

  Runner(Color jersey, int laneBaseline, double pace, double startX, double scale) {
    this.jersey = jersey;
    this.laneBaseline = laneBaseline;
    this.pace = pace;
    this.scale = scale;
    this.x = startX;
    this.speed = pace;
  }

  double x() {
    return x;
  }

  /** Moves one frame on: the speed drifts towards its pace with a little seeded noise. */
  void step(RandomGenerator random, int width) {
    speed += 0.05 * (pace - speed) + random.nextGaussian() * 0.12;
    speed = Math.clamp(speed, MIN_SPEED, MAX_SPEED);
    x += speed;
    stride += speed * 0.09;
    if (x > width + 40 * scale) {
      x = -40 * scale;
    }
  }

  /** Draws a side-on figure: legs and arms swinging in opposition, torso, head. */
  void draw(Graphics2D g) {
    double s = scale;
    double hipX = x;
    double hipY = laneBaseline - 30 * s;
    double shoulderY = hipY - 26 * s;
    double swing = Math.sin(stride);
    g.setStroke(new BasicStroke((float) (6 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    limb(g, SKIN.darker(), hipX, hipY, swing, 30 * s, 0.7);
    limb(g, SKIN, hipX, hipY, -swing, 30 * s, 0.7);
    g.setColor(SHORTS);
    g.fillRoundRect(
        (int) (hipX - 7 * s), (int) (hipY - 6 * s), (int) (14 * s), (int) (10 * s), 4, 4);
    g.setColor(jersey);
    g.fillRoundRect(
        (int) (hipX - 7 * s), (int) shoulderY, (int) (14 * s), (int) (hipY - shoulderY), 6, 6);
    g.setStroke(new BasicStroke((float) (4.5 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    limb(g, SKIN, hipX, shoulderY + 4 * s, -swing, 22 * s, 1.0);
    g.setColor(SKIN);
    int head = (int) (13 * s);
    g.fillOval((int) (hipX + 1 * s - head / 2.0), (int) (shoulderY - head - 1 * s), head, head);
  }

  private static void limb(
      Graphics2D g, Color color, double x, double y, double swing, double length, double reach) {
    double angle = swing * reach;
    double kneeX = x + Math.sin(angle) * length * 0.5;
    double kneeY = y + Math.cos(angle) * length * 0.5;
    double bend = Math.max(0, -swing) * 0.6;
    double footX = kneeX + Math.sin(angle - bend) * length * 0.5;
    double footY = kneeY + Math.cos(angle - bend) * length * 0.5;
    g.setColor(color);
    g.drawLine((int) x, (int) y, (int) kneeX, (int) kneeY);
    g.drawLine((int) kneeX, (int) kneeY, (int) footX, (int) footY);
  }
}
