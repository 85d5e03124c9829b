package dev.slipstream.media.rtp;

/** Network-order reads and writes of unsigned fields in byte arrays. */
final class BigEndian {
  private BigEndian() {}

  static int u8(byte[] b, int at) {
    return b[at] & 0xFF;
  }

  static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
  }

  static int u24(byte[] b, int at) {
    return (b[at] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF);
  }

  static long u32(byte[] b, int at) {
    return ((long) u16(b, at) << 16) | u16(b, at + 2);
  }

  static long u64(byte[] b, int at) {
    return u32(b, at) << 32 | u32(b, at + 4);
  }

  static void put16(byte[] b, int at, int value) {
    b[at] = (byte) (value >>> 8);
    b[at + 1] = (byte) value;
  }

  static void put24(byte[] b, int at, int value) {
    b[at] = (byte) (value >>> 16);
    b[at + 1] = (byte) (value >>> 8);
    b[at + 2] = (byte) value;
  }

  static void put32(byte[] b, int at, long value) {
    put16(b, at, (int) (value >>> 16));
    put16(b, at + 2, (int) value);
  }

  static void put64(byte[] b, int at, long value) {
    put32(b, at, value >>> 32);
    put32(b, at + 4, value);
  }
}
