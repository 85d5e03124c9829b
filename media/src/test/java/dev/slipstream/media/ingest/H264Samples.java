package dev.slipstream.media.ingest;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;

/** Made-up H.264 NAL units with the right headers and seeded random bodies. */
final class H264Samples {
  static final byte[] SPS = {0x67, 0x42, (byte) 0xE0, 0x1F, (byte) 0x8C, 0x68, 0x05, (byte) 0x8D};
  static final byte[] PPS = {0x68, (byte) 0xCE, 0x3C, (byte) 0x80};
  static final byte[] AUD = {0x09, (byte) 0xF0};

  private H264Samples() {}

  /** Returns a NAL unit with header byte {@code header} and {@code size} bytes in all. */
  static byte[] nal(int header, int size, long seed) {
    byte[] unit = new byte[size];
    new SplittableRandom(seed).nextBytes(unit);
    unit[0] = (byte) header;
    for (int i = 1; i < size; i++) {
      if (unit[i] == 0) {
        unit[i] = 1; // keeps start-code-like sequences out of the body
      }
    }
    return unit;
  }

  static byte[] idr(int size) {
    return nal(0x65, size, size);
  }

  static byte[] slice(int size) {
    return nal(0x41, size, size + 1);
  }

  /** Joins units with alternating 4- and 3-byte start codes. */
  static byte[] annexB(byte[]... units) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean longCode = true;
    for (byte[] unit : units) {
      out.writeBytes(longCode ? new byte[] {0, 0, 0, 1} : new byte[] {0, 0, 1});
      out.writeBytes(unit);
      longCode = !longCode;
    }
    return out.toByteArray();
  }
}
