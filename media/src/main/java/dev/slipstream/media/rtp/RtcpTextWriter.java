package dev.slipstream.media.rtp;

/** Encodes the RTCP packets that carry text: source descriptions and goodbyes. */
final class RtcpTextWriter {
  private static final int CNAME = 1;

  private RtcpTextWriter() {}

  static byte[] sourceDescription(RtcpPacket.SourceDescription sdes) {
    int size = 4;
    for (RtcpPacket.SdesChunk chunk : sdes.chunks()) {
      size += chunkSize(chunk);
    }
    byte[] b = RtcpWriter.header(RtcpPacket.SDES, RtcpWriter.count(sdes.chunks().size()), size);
    int at = 4;
    for (RtcpPacket.SdesChunk chunk : sdes.chunks()) {
      BigEndian.put32(b, at, chunk.ssrc());
      if (chunk.cname().isPresent()) {
        byte[] text = RtcpWriter.utf8(chunk.cname().get());
        b[at + 4] = CNAME;
        b[at + 5] = (byte) text.length;
        System.arraycopy(text, 0, b, at + 6, text.length);
      }
      at += chunkSize(chunk); // the end mark and padding are the zeroes already there
    }
    return b;
  }

  static byte[] goodbye(RtcpPacket.Goodbye bye) {
    byte[] reason = bye.reason().map(RtcpWriter::utf8).orElse(new byte[0]);
    int reasonSize = bye.reason().isEmpty() ? 0 : (1 + reason.length + 3) & ~3;
    int count = RtcpWriter.count(bye.ssrcs().size());
    byte[] b = RtcpWriter.header(RtcpPacket.BYE, count, 4 + 4 * count + reasonSize);
    for (int i = 0; i < count; i++) {
      BigEndian.put32(b, 4 + 4 * i, bye.ssrcs().get(i));
    }
    if (bye.reason().isPresent()) {
      b[4 + 4 * count] = (byte) reason.length;
      System.arraycopy(reason, 0, b, 5 + 4 * count, reason.length);
    }
    return b;
  }

  private static int chunkSize(RtcpPacket.SdesChunk chunk) {
    int items = chunk.cname().map(c -> 2 + RtcpWriter.utf8(c).length).orElse(0);
    return (4 + items + 1 + 3) & ~3;
  }
}
