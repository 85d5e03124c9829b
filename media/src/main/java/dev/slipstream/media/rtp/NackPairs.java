package dev.slipstream.media.rtp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Packs missing sequence numbers into the PID + BLP pairs of a generic NACK, and back.
 *
 * <p>A pair names packet PID and, in bitmask BLP, which of the 16 packets after it are missing too
 * (bit i set: PID + i + 1), so a burst of up to 17 losses costs four bytes.
 */
final class NackPairs {
  private NackPairs() {}

  /**
   * Returns the numbers without repeats, oldest first: sorted, then rotated to start after the
   * widest gap, so a run across the wrap (65534, 65535, 0, 1) stays in order.
   *
   * @throws IllegalArgumentException when a number is outside 0 to 65535
   */
  static List<Integer> inWrapOrder(List<Integer> sequenceNumbers) {
    int[] sorted =
        sequenceNumbers.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    if (sorted.length == 0) {
      return List.of();
    }
    if (sorted[0] < 0 || sorted[sorted.length - 1] > 0xFFFF) {
      throw new IllegalArgumentException(
          "sequence numbers must be 0 to 65535, got " + Arrays.toString(sorted));
    }
    int start = 0;
    int widestGap = sorted[0] + 0x10000 - sorted[sorted.length - 1];
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] - sorted[i - 1] > widestGap) {
        widestGap = sorted[i] - sorted[i - 1];
        start = i;
      }
    }
    List<Integer> ordered = new ArrayList<>(sorted.length);
    for (int i = 0; i < sorted.length; i++) {
      ordered.add(sorted[(start + i) % sorted.length]);
    }
    return List.copyOf(ordered);
  }

  /** Returns {@code PID << 16 | BLP} pairs covering {@code ordered}, oldest first. */
  static int[] compress(List<Integer> ordered) {
    int[] pairs = new int[ordered.size()];
    int count = 0;
    int pid = -1;
    int blp = 0;
    for (int seq : ordered) {
      int offset = pid < 0 ? 0 : SequenceNumbers.distance(seq, pid);
      if (pid >= 0 && offset >= 1 && offset <= 16) {
        blp |= 1 << (offset - 1);
        continue;
      }
      if (pid >= 0) {
        pairs[count++] = pid << 16 | blp;
      }
      pid = seq;
      blp = 0;
    }
    if (pid >= 0) {
      pairs[count++] = pid << 16 | blp;
    }
    return Arrays.copyOf(pairs, count);
  }

  /** Adds the numbers one pair names to {@code into}, PID first. */
  static void expand(int pid, int blp, List<Integer> into) {
    into.add(pid);
    for (int bit = 0; bit < 16; bit++) {
      if ((blp & (1 << bit)) != 0) {
        into.add(SequenceNumbers.add(pid, bit + 1));
      }
    }
  }
}
