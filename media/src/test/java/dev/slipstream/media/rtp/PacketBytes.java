package dev.slipstream.media.rtp;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Builds RTP packets byte by byte for tests, valid unless a test bends a field on purpose. */
final class PacketBytes {
  private int payloadType = 96;
  private int sequenceNumber = 1000;
  private long timestamp = 90_000;
  private long ssrc = 0x11223344L;
  private boolean marker;
  private long[] csrcs = {};
  private int extensionProfile = -1;
  private byte[] extension = {};
  private byte[] payload = {1, 2, 3, 4};
  private int padding;

  static PacketBytes rtp() {
    return new PacketBytes();
  }

  PacketBytes payloadType(int value) {
    payloadType = value;
    return this;
  }

  PacketBytes sequenceNumber(int value) {
    sequenceNumber = value;
    return this;
  }

  PacketBytes timestamp(long value) {
    timestamp = value;
    return this;
  }

  PacketBytes ssrc(long value) {
    ssrc = value;
    return this;
  }

  PacketBytes marker(boolean value) {
    marker = value;
    return this;
  }

  PacketBytes csrcs(long... values) {
    csrcs = values;
    return this;
  }

  /** Adds an extension block; {@code hex} is its body, a whole number of 32-bit words. */
  PacketBytes extension(int profile, String hex) {
    extensionProfile = profile;
    extension = HexFormat.of().parseHex(hex);
    return this;
  }

  PacketBytes payload(String hex) {
    payload = HexFormat.of().parseHex(hex);
    return this;
  }

  PacketBytes padding(int count) {
    padding = count;
    return this;
  }

  byte[] build() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int first = 0x80 | (padding > 0 ? 0x20 : 0) | (extensionProfile >= 0 ? 0x10 : 0);
    out.write(first | csrcs.length);
    out.write((marker ? 0x80 : 0) | payloadType);
    write(out, sequenceNumber, 2);
    write(out, timestamp, 4);
    write(out, ssrc, 4);
    for (long csrc : csrcs) {
      write(out, csrc, 4);
    }
    if (extensionProfile >= 0) {
      write(out, extensionProfile, 2);
      write(out, extension.length / 4, 2);
      out.writeBytes(extension);
    }
    out.writeBytes(payload);
    for (int i = 1; i < padding; i++) {
      out.write(0);
    }
    if (padding > 0) {
      out.write(padding);
    }
    return out.toByteArray();
  }

  RtpPacket parse() {
    byte[] bytes = build();
    return RtpPacket.parse(bytes, 0, bytes.length, new DropCounts()).orElseThrow();
  }

  private static void write(ByteArrayOutputStream out, long value, int bytes) {
    for (int i = bytes - 1; i >= 0; i--) {
      out.write((int) (value >>> (8 * i)));
    }
  }
}
