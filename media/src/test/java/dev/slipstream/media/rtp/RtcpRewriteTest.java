package dev.slipstream.media.rtp;

import static dev.slipstream.media.rtp.RtcpParseTest.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.media.rtp.RtcpPacket.FirEntry;
import dev.slipstream.media.rtp.RtcpPacket.FullIntraRequest;
import dev.slipstream.media.rtp.RtcpPacket.GenericNack;
import dev.slipstream.media.rtp.RtcpPacket.PictureLossIndication;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpRewriteTest {
  private static final long VIEWER_SIDE = 0x11223344L;
  private static final long PUBLISHER = 0xCAFEBABEL;

  @Test
  void aViewersFeedbackIsRedirectedToThePublishersSource() {
    byte[] compound =
        hex(RtcpParseTest.RR + RtcpParseTest.NACK + RtcpParseTest.PLI + RtcpParseTest.FIR);

    int changed = Rtcp.rewriteMediaSsrc(compound, 0, compound.length, VIEWER_SIDE, PUBLISHER);

    assertThat(changed).isEqualTo(3);
    List<RtcpPacket> packets =
        Rtcp.parse(compound, 0, compound.length, new DropCounts()).orElseThrow();
    assertThat(packets.get(0))
        .as("report blocks are not feedback")
        .isInstanceOfSatisfying(
            RtcpPacket.ReceiverReport.class,
            rr -> assertThat(rr.reports().getFirst().ssrc()).isEqualTo(VIEWER_SIDE));
    assertThat(packets.subList(1, 4))
        .containsExactly(
            new GenericNack(1, PUBLISHER, List.of(65_534, 65_535, 0, 1)),
            new PictureLossIndication(1, PUBLISHER),
            new FullIntraRequest(1, List.of(new FirEntry(PUBLISHER, 7))));
  }

  @Test
  void feedbackAboutAnotherSourceIsLeftAlone() {
    byte[] pli = hex(RtcpParseTest.PLI);

    assertThat(Rtcp.rewriteMediaSsrc(pli, 0, pli.length, 99, PUBLISHER)).isZero();
    assertThat(pli).isEqualTo(hex(RtcpParseTest.PLI));
  }
}
