package dev.slipstream.media.ingest;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjLongConsumer;
import java.util.random.RandomGenerator;

/**
 * The synthetic source's picture: a static running track (stands, infield, lanes and their lines)
 * with four athletes running across it, and the wall clock pattern in the corner. The background
 * never changes, so background subtraction finds exactly the athletes. Not thread-safe.
 */
final class TrackScene implements ObjLongConsumer<BufferedImage> {
  static final int WIDTH = 640;
  static final int HEIGHT = 360;

  private static final int TRACK_TOP = 150;
  private static final int LANE_HEIGHT = 50;
  private static final Color[] JERSEYS = {
    new Color(0xE0, 0x2A, 0x2A), new Color(0x1F, 0x5F, 0xD6),
    new Color(0xF2, 0xC4, 0x0C), new Color(0x22, 0xA8, 0x4A)
  };

  private final BufferedImage background =
      new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
  private final List<Runner> runners = new ArrayList<>();
  private final RandomGenerator random;

  TrackScene(RandomGenerator random) {
    this.random = random;
    paintBackground();
    for (int lane = 0; lane < JERSEYS.length; lane++) {
      double pace = 3.0 + random.nextDouble() * 2.0;
      double scale = 1.0 + lane * 0.08;
      int baseline = TRACK_TOP + (lane + 1) * LANE_HEIGHT - 8;
      runners.add(new Runner(JERSEYS[lane], baseline, pace, random.nextDouble() * WIDTH, scale));
    }
  }

  /** Returns the athletes, for tests that check they move. */
  List<Runner> runners() {
    return runners;
  }

  /** Moves everyone one frame on and draws the frame, stamped with {@code epochMillis}. */
  void render(BufferedImage frame, long epochMillis) {
    accept(frame, epochMillis);
    Graphics2D g = frame.createGraphics();
    try {
      ClockPattern.draw(g, epochMillis);
    } finally {
      g.dispose();
    }
  }

  /** Moves everyone one frame on and draws the scene, without the clock. */
  @Override
  public void accept(BufferedImage frame, long epochMillis) {
    for (Runner runner : runners) {
      runner.step(random, WIDTH);
    }
    Graphics2D g = frame.createGraphics();
    try {
      g.drawImage(background, 0, 0, null);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      for (Runner runner : runners) {
        runner.draw(g);
      }
    } finally {
      g.dispose();
    }
  }

  private void paintBackground() {
    Graphics2D g = background.createGraphics();
    try {
      g.setColor(new Color(0x5A, 0x64, 0x70));
      g.fillRect(0, 0, WIDTH, 95);
      for (int row = 0; row < 5; row++) {
        for (int seat = 0; seat < WIDTH; seat += 12) {
          int shade = 0x70 + ((seat * 7 + row * 13) % 5) * 12;
          g.setColor(new Color(shade, shade - 10, shade - 25));
          g.fillRect(seat + (row % 2) * 6, 12 + row * 16, 8, 10);
        }
      }
      g.setColor(new Color(0x2F, 0x7D, 0x3A));
      g.fillRect(0, 95, WIDTH, TRACK_TOP - 95);
      g.setColor(new Color(0xB0, 0x4A, 0x36));
      g.fillRect(0, TRACK_TOP, WIDTH, HEIGHT - TRACK_TOP);
      g.setColor(new Color(0xF4, 0xF4, 0xF0));
      for (int lane = 0; lane <= JERSEYS.length; lane++) {
        g.fillRect(0, TRACK_TOP + lane * LANE_HEIGHT - 1, WIDTH, 3);
      }
      g.fillRect(560, TRACK_TOP, 4, JERSEYS.length * LANE_HEIGHT);
      for (int mark = 40; mark < WIDTH; mark += 100) {
        g.fillRect(mark, TRACK_TOP + JERSEYS.length * LANE_HEIGHT + 4, 2, 6);
      }
    } finally {
      g.dispose();
    }
  }
}
