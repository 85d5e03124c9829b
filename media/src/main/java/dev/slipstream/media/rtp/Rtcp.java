package dev.slipstream.media.rtp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads, writes and rewrites RTCP compound packets (RFC 3550, RFC 4585, RFC 5104). */
public final class Rtcp {
  private Rtcp() {}

  /**
   * Returns whether a datagram multiplexed with RTP on one port is RTCP (RFC 5761 section 4): its
   * second byte is an RTCP packet type, 192 to 223, which no RTP payload type can make.
   */
  public static boolean isRtcp(byte[] buffer, int offset, int length) {
    if (length < 2) {
      return false;
    }
    int type = buffer[offset + 1] & 0xFF;
    return type >= 192 && type <= 223;
  }

  /**
   * Decodes the compound packet in {@code buffer[offset, offset + length)}; returns its packets in
   * order, or empty after recording in {@code drops} why it is malformed. Types the SFU does not
   * read come back as {@link RtcpPacket.UnknownRtcp} or {@link RtcpPacket.OtherFeedback}.
   *
   * @throws IndexOutOfBoundsException when the range lies outside {@code buffer} (a caller bug)
   */
  public static Optional<List<RtcpPacket>> parse(
      byte[] buffer, int offset, int length, DropCounts drops) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    return Optional.ofNullable(RtcpReader.read(buffer, offset, length, drops));
  }

  /**
   * Encodes {@code packets} as one compound packet, in the order given. RFC 3550 wants a report
   * first; reduced-size RTCP (RFC 5506, {@code a=rtcp-rsize}) allows feedback alone.
   *
   * @throws IllegalArgumentException for {@link RtcpPacket.OtherFeedback} or {@link
   *     RtcpPacket.UnknownRtcp}, which are only identified, or for more than 31 blocks, chunks or
   *     sources in one packet, or text over 255 bytes
   */
  public static byte[] write(List<? extends RtcpPacket> packets) {
    return RtcpWriter.write(packets);
  }

  /**
   * Replaces media source {@code from} with {@code to} in every NACK, PLI and FIR of a compound
   * packet already accepted by {@link #parse}, in place; returns how many fields changed.
   *
   * <p>A viewer's feedback names the SSRC the SFU sends it; before the publisher can act on it the
   * feedback must name the publisher's SSRC instead.
   */
  public static int rewriteMediaSsrc(byte[] buffer, int offset, int length, long from, long to) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    int changed = 0;
    int end = offset + length;
    for (int at = offset; at + 4 <= end; at += (BigEndian.u16(buffer, at + 2) + 1) * 4) {
      int size = (BigEndian.u16(buffer, at + 2) + 1) * 4;
      int type = buffer[at + 1] & 0xFF;
      int format = buffer[at] & 0x1F;
      if (size < RtcpFeedbackReader.HEADER_SIZE || at + size > end) {
        continue;
      }
      boolean nack = type == RtcpPacket.RTPFB && format == RtcpFeedbackReader.NACK;
      boolean pli = type == RtcpPacket.PSFB && format == RtcpFeedbackReader.PLI;
      boolean fir = type == RtcpPacket.PSFB && format == RtcpFeedbackReader.FIR;
      if ((nack || pli) && BigEndian.u32(buffer, at + 8) == from) {
        BigEndian.put32(buffer, at + 8, to);
        changed++;
      }
      for (int entry = at + 12; fir && entry + 8 <= at + size; entry += 8) {
        if (BigEndian.u32(buffer, entry) == from) {
          BigEndian.put32(buffer, entry, to);
          changed++;
        }
      }
    }
    return changed;
  }
}
