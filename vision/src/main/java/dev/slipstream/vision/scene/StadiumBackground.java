package dev.slipstream.vision.scene;

import dev.slipstream.vision.geometry.GroundPoint;
import dev.slipstream.vision.geometry.PixelPoint;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.SplittableRandom;

/**
 * Paints the empty stadium as the camera sees it, by casting every pixel (2 × 2 samples) onto the
 * ground: a concrete apron, the track's lanes with their lines and 10 m marks, the infield grass in
 * mown stripes and the stands full of spectators. A little fixed texture keeps it from being flat
 * colour, as no real background is. Painted once per scene; athletes are drawn over a copy.
 */
final class StadiumBackground {
  private static final int[] TRACK = {0x36, 0x4E, 0xB0};
  private static final int[] LINE = {0xF2, 0xF2, 0xF2};
  private static final int[] GRASS_LIGHT = {0x3C, 0x9A, 0x4A};
  private static final int[] GRASS_DARK = {0x30, 0x84, 0x3E};
  private static final int[] APRON = {0x9A, 0x9E, 0xA0};
  private static final int[][] CROWD = {
    {0x40, 0x40, 0x40}, {0x90, 0x60, 0x30}, {0x30, 0x30, 0xA0}, {0xC0, 0xC0, 0xC0},
    {0x20, 0x80, 0xD0}, {0x60, 0x60, 0x80}, {0x20, 0x50, 0x20}, {0x80, 0x30, 0x60}
  };

  private StadiumBackground() {}

  /** Returns the stadium on a frame the camera's size, in packed BGR. */
  static BufferedImage paint(
      PinholeCamera camera, int width, int height, double laneWidth, int lanes, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    SplittableRandom texture = new SplittableRandom(seed);
    double trackOuter = laneWidth * lanes;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int[] sum = new int[3];
        for (int sy = 0; sy < 2; sy++) {
          for (int sx = 0; sx < 2; sx++) {
            GroundPoint g =
                camera.groundAt(new PixelPoint(x + 0.25 + 0.5 * sx, y + 0.25 + 0.5 * sy));
            int[] c = colourAt(g, laneWidth, lanes, trackOuter);
            for (int k = 0; k < 3; k++) {
              sum[k] += c[k];
            }
          }
        }
        int grain = texture.nextInt(-4, 5);
        int at = (y * width + x) * 3;
        for (int k = 0; k < 3; k++) {
          bgr[at + k] = (byte) Math.clamp(sum[k] / 4 + grain, 0, 255);
        }
      }
    }
    return image;
  }

  private static int[] colourAt(GroundPoint g, double laneWidth, int lanes, double trackOuter) {
    double x = g.x();
    double y = g.y();
    if (y < -1.6) {
      return APRON;
    }
    if (y < -1.4) {
      return LINE;
    }
    if (y <= trackOuter + 0.4) {
      for (int lane = 0; lane <= lanes; lane++) {
        if (Math.abs(y - lane * laneWidth) < 0.03) {
          return LINE;
        }
      }
      if (y >= 0 && y <= trackOuter && Math.abs(x - 10 * Math.rint(x / 10)) < 0.06) {
        return LINE;
      }
      return TRACK;
    }
    if (y < trackOuter + 6) {
      return Math.floorMod((long) Math.floor(x / 5), 2) == 0 ? GRASS_LIGHT : GRASS_DARK;
    }
    if (y < trackOuter + 6.4) {
      return LINE;
    }
    // Spectators: a seat 0.6 m wide and 0.8 m deep each, their colours fixed by the seat.
    long seat = (long) Math.floor(x / 0.6) * 7919L + (long) Math.floor(y / 0.8);
    int pick = (int) Math.floorMod(seat * 2654435761L >>> 7, (long) CROWD.length);
    return CROWD[pick];
  }
}
