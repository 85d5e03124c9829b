package dev.slipstream.media.ingest;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.OptionalLong;

/**
 * The sender's wall clock burned into a frame as black and white blocks that survive compression,
 * and its reader: the same layout as {@code web/e2e/clock-pattern.mjs}, so a browser can read what
 * a Java source drew and the other way round.
 *
 * <p>On a 640×360 frame, two rows of 21 blocks of 30 px sit at (4, 4) on a dark backing. Block 0 of
 * each row is white and block 20 black (sync); the 38 between carry, row by row, the epoch
 * milliseconds mod 2³² (most significant bit first) and a 6-bit checksum, the number of one bits
 * among those 32. White means 1.
 */
public final class ClockPattern {
  /** Blocks per row. */
  public static final int BLOCKS = 21;

  /** The side of a block in pixels at 640×360. */
  public static final int BLOCK_SIZE = 30;

  private static final int ROWS = 2;
  private static final int MARGIN = 4;

  private ClockPattern() {}

  /** Draws the pattern for {@code epochMillis} at the top-left of a 640×360 frame. */
  public static void draw(Graphics2D g, long epochMillis) {
    g.setColor(new Color(0x10, 0x10, 0x10));
    g.fillRect(0, 0, BLOCKS * BLOCK_SIZE + 2 * MARGIN, ROWS * BLOCK_SIZE + 2 * MARGIN);
    boolean[] bits = bits(epochMillis);
    int k = 0;
    for (int row = 0; row < ROWS; row++) {
      for (int col = 0; col < BLOCKS; col++) {
        boolean white = col == 0 || (col != BLOCKS - 1 && bits[k++]);
        g.setColor(white ? Color.WHITE : Color.BLACK);
        g.fillRect(MARGIN + col * BLOCK_SIZE, MARGIN + row * BLOCK_SIZE, BLOCK_SIZE, BLOCK_SIZE);
      }
    }
  }

  /**
   * Reads the pattern from a decoded frame of 640×360; returns the epoch milliseconds mod 2³², or
   * empty when the sync blocks or the checksum do not match.
   */
  public static OptionalLong read(BufferedImage frame) {
    boolean[] bits = new boolean[38];
    int k = 0;
    for (int row = 0; row < ROWS; row++) {
      for (int col = 0; col < BLOCKS; col++) {
        int cx = MARGIN + col * BLOCK_SIZE + BLOCK_SIZE / 2;
        int cy = MARGIN + row * BLOCK_SIZE + BLOCK_SIZE / 2;
        boolean white = luminance(frame, cx, cy) > 128;
        if ((col == 0 && !white) || (col == BLOCKS - 1 && white)) {
          return OptionalLong.empty();
        }
        if (col > 0 && col < BLOCKS - 1) {
          bits[k++] = white;
        }
      }
    }
    long value = 0;
    int ones = 0;
    for (int i = 0; i < 32; i++) {
      value = value << 1 | (bits[i] ? 1 : 0);
      ones += bits[i] ? 1 : 0;
    }
    int check = 0;
    for (int i = 32; i < 38; i++) {
      check = check << 1 | (bits[i] ? 1 : 0);
    }
    return check == ones ? OptionalLong.of(value) : OptionalLong.empty();
  }

  /**
   * Returns the full epoch milliseconds that a value read mod 2³² stands for, taking the one
   * nearest {@code nearEpochMillis} (a receiver's own clock; 2³² ms is about 50 days).
   */
  public static long unwrap(long readValue, long nearEpochMillis) {
    long period = 1L << 32;
    long base = nearEpochMillis - Math.floorMod(nearEpochMillis, period);
    long candidate = base + readValue;
    if (candidate - nearEpochMillis > period / 2) {
      candidate -= period;
    } else if (nearEpochMillis - candidate > period / 2) {
      candidate += period;
    }
    return candidate;
  }

  private static boolean[] bits(long epochMillis) {
    long value = epochMillis & 0xFFFF_FFFFL;
    boolean[] bits = new boolean[38];
    int ones = Long.bitCount(value);
    for (int i = 0; i < 32; i++) {
      bits[i] = (value >>> (31 - i) & 1) == 1;
    }
    for (int i = 0; i < 6; i++) {
      bits[32 + i] = (ones >>> (5 - i) & 1) == 1;
    }
    return bits;
  }

  /** Mean luma (BT.601, as the browser reader) over the 11×11 pixels around (cx, cy). */
  private static double luminance(BufferedImage frame, int cx, int cy) {
    double sum = 0;
    int n = 0;
    for (int dy = -5; dy <= 5; dy++) {
      for (int dx = -5; dx <= 5; dx++) {
        int rgb = frame.getRGB(cx + dx, cy + dy);
        sum += 0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF);
        n++;
      }
    }
    return sum / n;
  }
}
