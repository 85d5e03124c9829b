package dev.slipstream.media.ingest;

/**
 * One H.264 NAL unit, header byte included, without start code or length prefix; a view into {@code
 * data} that does not copy.
 */
record NalUnit(byte[] data, int offset, int length) {
  static final int IDR = 5;
  static final int SEI = 6;
  static final int SPS = 7;
  static final int PPS = 8;
  static final int AUD = 9;

  /** Returns {@code nal_unit_type}, the low five bits of the header byte. */
  int type() {
    return data[offset] & 0x1F;
  }

  /** Returns {@code nal_ref_idc} and the forbidden bit, the high three bits of the header. */
  int headerHighBits() {
    return data[offset] & 0xE0;
  }

  /** Returns a copy of the unit's bytes. */
  byte[] toBytes() {
    return java.util.Arrays.copyOfRange(data, offset, offset + length);
  }
}
