package dev.slipstream.bench.viewers;

import dev.slipstream.media.rtp.ReportBlock;
import dev.slipstream.media.rtp.Rtcp;
import dev.slipstream.media.rtp.RtcpPacket;
import dev.slipstream.media.srtp.SrtpSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes a viewer's SRTCP receiver report (RFC 3550 6.4.2), one block per SSRC it receives. */
final class ReceiverReports {
  private static final int MAX_CUMULATIVE_LOST = 0x7F_FFFF;

  private ReceiverReports() {}

  /**
   * Returns the protected report from {@code reporterSsrc} on {@code sources}, with jitter and
   * sender-report timing left at zero (this client does not play media out), or an empty array when
   * SRTCP refuses it.
   */
  static byte[] protect(SrtpSession keys, long reporterSsrc, List<SsrcReception> sources) {
    List<ReportBlock> blocks = new ArrayList<>(sources.size());
    for (SsrcReception s : sources) {
      long lost = Math.clamp(s.expected() - s.received(), 0, MAX_CUMULATIVE_LOST);
      blocks.add(
          new ReportBlock(
              s.ssrc(),
              s.fractionLostSinceLastReport(),
              (int) lost,
              s.extendedHighest() & 0xFFFF_FFFFL,
              0,
              0,
              0));
    }
    byte[] plain = Rtcp.write(List.of(new RtcpPacket.ReceiverReport(reporterSsrc, blocks)));
    byte[] packet = Arrays.copyOf(plain, plain.length + keys.profile().rtcpOverhead());
    int length = keys.protectRtcp(packet, 0, plain.length);
    return length > 0 ? Arrays.copyOf(packet, length) : new byte[0];
  }
}
