package dev.slipstream.media.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits H.264 byte streams into NAL units: Annex B (start codes, as encoders and MPEG-TS carry it)
 * and the length-prefixed form of MP4 and FLV ({@code avcC}).
 */
final class AnnexB {
  private AnnexB() {}

  /**
   * Returns the NAL units between the start codes of {@code data[0, length)}; bytes before the
   * first start code are skipped, and trailing zero bytes of a unit (part of the next 4-byte start
   * code) are dropped.
   */
  static List<NalUnit> split(byte[] data, int length) {
    List<NalUnit> units = new ArrayList<>();
    int start = -1;
    int i = 0;
    while (i + 2 < length) {
      if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
        if (start >= 0) {
          add(units, data, start, i);
        }
        i += 3;
        start = i;
      } else {
        i++;
      }
    }
    if (start >= 0) {
      add(units, data, start, length);
    }
    return units;
  }

  private static void add(List<NalUnit> units, byte[] data, int start, int end) {
    while (end > start && data[end - 1] == 0) {
      end--;
    }
    if (end > start) {
      units.add(new NalUnit(data, start, end - start));
    }
  }

  /**
   * Returns the NAL units of a length-prefixed sample, each preceded by a big-endian size of {@code
   * lengthSize} bytes (1, 2 or 4).
   *
   * @throws IllegalArgumentException when a size runs past the end: the sample is corrupt
   */
  static List<NalUnit> splitLengthPrefixed(byte[] data, int length, int lengthSize) {
    List<NalUnit> units = new ArrayList<>();
    int at = 0;
    while (at + lengthSize <= length) {
      long size = 0;
      for (int k = 0; k < lengthSize; k++) {
        size = (size << 8) | (data[at + k] & 0xFF);
      }
      at += lengthSize;
      if (size > length - at) {
        throw new IllegalArgumentException(
            "NAL unit of " + size + " bytes overruns a sample of " + length + " bytes");
      }
      if (size > 0) {
        units.add(new NalUnit(data, at, (int) size));
      }
      at += (int) size;
    }
    return units;
  }
}
