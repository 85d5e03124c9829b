package dev.slipstream.media.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the stream id a caller sends in its SRT conclusion handshake (the {@code SRT_CMD_SID}
 * extension of handshake version 5). FFmpeg's SRT listener accepts a caller but never says which
 * stream id it asked for, so the relay in front of it reads the id on the way in.
 *
 * <p>Layout: a 16-byte control header (first bit set, type 0 = handshake), a 48-byte handshake body
 * whose bytes 20–23 are the handshake type (-1 = conclusion), then extensions, each a 16-bit type
 * and a 16-bit length in 32-bit words. The stream id's words are sent byte-swapped (libsrt writes
 * them as little-endian integers) and padded with NULs.
 */
final class SrtHandshake {
  private static final int HEADER = 16;
  private static final int BODY = 48;
  private static final int CONCLUSION = -1;
  private static final int SID = 5;

  private SrtHandshake() {}

  /** Returns the stream id if {@code packet} is a conclusion handshake carrying one. */
  static Optional<String> streamId(byte[] packet, int length) {
    if (length < HEADER + BODY || (packet[0] & 0xFF) != 0x80 || packet[1] != 0) {
      return Optional.empty();
    }
    if (int32(packet, HEADER + 20) != CONCLUSION) {
      return Optional.empty();
    }
    int at = HEADER + BODY;
    while (at + 4 <= length) {
      int type = u16(packet, at);
      int bytes = u16(packet, at + 2) * 4;
      at += 4;
      if (at + bytes > length) {
        return Optional.empty();
      }
      if (type == SID) {
        return Optional.of(decode(packet, at, bytes)).filter(id -> !id.isEmpty());
      }
      at += bytes;
    }
    return Optional.empty();
  }

  private static String decode(byte[] packet, int at, int bytes) {
    byte[] text = new byte[bytes];
    for (int word = 0; word < bytes; word += 4) {
      for (int k = 0; k < 4; k++) {
        text[word + k] = packet[at + word + 3 - k];
      }
    }
    int end = bytes;
    while (end > 0 && text[end - 1] == 0) {
      end--;
    }
    return new String(text, 0, end, StandardCharsets.UTF_8);
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
  }

  private static int int32(byte[] b, int at) {
    return (b[at] & 0xFF) << 24
        | (b[at + 1] & 0xFF) << 16
        | (b[at + 2] & 0xFF) << 8
        | (b[at + 3] & 0xFF);
  }
}
