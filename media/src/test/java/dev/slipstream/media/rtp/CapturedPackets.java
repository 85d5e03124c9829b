package dev.slipstream.media.rtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/** Loads the hex fixtures under {@code src/test/resources/rtp}, one datagram per line. */
final class CapturedPackets {
  private CapturedPackets() {}

  /** Returns the datagrams of {@code rtp/NAME}, in capture order; lines starting # are notes. */
  static List<byte[]> load(String name) {
    try (InputStream in = CapturedPackets.class.getResourceAsStream("/rtp/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture rtp/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(HexFormat.of()::parseHex)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the RTP packets of {@code rtp/NAME}, each parsed from its own array. */
  static List<RtpPacket> rtp(String name) {
    DropCounts drops = new DropCounts();
    return load(name).stream()
        .map(b -> RtpPacket.parse(b, 0, b.length, drops).orElseThrow())
        .toList();
  }
}
