package dev.slipstream.media.rtp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Decodes source descriptions and goodbyes, the two RTCP packets that carry text. */
final class RtcpSdesReader {
  private static final int CNAME = 1;

  private RtcpSdesReader() {}

  /** Returns the SDES at {@code at}, or null when a chunk or item runs past {@code end}. */
  static RtcpPacket.@Nullable SourceDescription read(byte[] b, int at, int end, int count) {
    List<RtcpPacket.SdesChunk> chunks = new ArrayList<>(count);
    int pos = at + 4;
    for (int i = 0; i < count; i++) {
      if (pos + 4 > end) {
        return null;
      }
      long ssrc = BigEndian.u32(b, pos);
      pos += 4;
      Optional<String> cname = Optional.empty();
      while (true) {
        if (pos >= end) {
          return null;
        }
        int type = b[pos] & 0xFF;
        if (type == 0) {
          pos = at + ((pos + 1 - at + 3) & ~3); // past the end mark, to the next 32-bit word
          break;
        }
        if (pos + 2 > end || pos + 2 + (b[pos + 1] & 0xFF) > end) {
          return null;
        }
        int textLength = b[pos + 1] & 0xFF;
        if (type == CNAME) {
          cname = Optional.of(new String(b, pos + 2, textLength, StandardCharsets.UTF_8));
        }
        pos += 2 + textLength;
      }
      chunks.add(new RtcpPacket.SdesChunk(ssrc, cname));
    }
    return new RtcpPacket.SourceDescription(chunks);
  }

  /** Returns the BYE at {@code at}, or null when its sources or reason run past {@code end}. */
  static RtcpPacket.@Nullable Goodbye readGoodbye(byte[] b, int at, int end, int count) {
    int pos = at + 4;
    if (pos + 4 * count > end) {
      return null;
    }
    List<Long> ssrcs = new ArrayList<>(count);
    for (int i = 0; i < count; i++, pos += 4) {
      ssrcs.add(BigEndian.u32(b, pos));
    }
    Optional<String> reason = Optional.empty();
    if (pos < end) {
      int length = b[pos] & 0xFF;
      if (pos + 1 + length > end) {
        return null;
      }
      reason = Optional.of(new String(b, pos + 1, length, StandardCharsets.UTF_8));
    }
    return new RtcpPacket.Goodbye(ssrcs, reason);
  }
}
