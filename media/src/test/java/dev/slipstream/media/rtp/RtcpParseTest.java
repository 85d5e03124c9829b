package dev.slipstream.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.media.rtp.RtcpPacket.FeedbackKind;
import dev.slipstream.media.rtp.RtcpPacket.FirEntry;
import dev.slipstream.media.rtp.RtcpPacket.FullIntraRequest;
import dev.slipstream.media.rtp.RtcpPacket.GenericNack;
import dev.slipstream.media.rtp.RtcpPacket.Goodbye;
import dev.slipstream.media.rtp.RtcpPacket.OtherFeedback;
import dev.slipstream.media.rtp.RtcpPacket.PictureLossIndication;
import dev.slipstream.media.rtp.RtcpPacket.ReceiverReport;
import dev.slipstream.media.rtp.RtcpPacket.SdesChunk;
import dev.slipstream.media.rtp.RtcpPacket.SenderReport;
import dev.slipstream.media.rtp.RtcpPacket.SourceDescription;
import dev.slipstream.media.rtp.RtcpPacket.UnknownRtcp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RtcpParseTest {
  static final String RR =
      "81c90007"
          + "00000001"
          + "11223344"
          + "05000010"
          + "0001ffdc"
          + "00000020"
          + "eeafb94d"
          + "00010000";
  static final String SDES =
      "82ca0006" + "11223344" + "01046162" + "63640000" + "55667788" + "07026869" + "00000000";
  static final String BYE = "81cb0003" + "11223344" + "04646f6e" + "65000000";
  static final String NACK = "81cd0003" + "00000001" + "11223344" + "fffe0007";
  static final String PLI = "81ce0002" + "00000001" + "11223344";
  static final String FIR = "84ce0004" + "00000001" + "00000000" + "11223344" + "07000000";
  static final String REMB =
      "8fce0005" + "00000001" + "00000000" + "52454d42" + "010a1b2c" + "11223344";
  static final String TWCC = "8fcd0004" + "00000001" + "11223344" + "00010001" + "00000000";
  static final String APP = "80cc0002" + "11223344" + "6e616d65";

  private final DropCounts drops = new DropCounts();

  @Test
  void ffmpegsFirstCompoundIsASenderReportAndItsCname() {
    byte[] captured = CapturedPackets.load("h264.rtcp.hex").getFirst();

    List<RtcpPacket> packets = parse(captured);

    SenderReport sr = (SenderReport) packets.get(0);
    assertThat(sr.ssrc()).isEqualTo(287_454_020L);
    assertThat(sr.packetCount()).isZero();
    assertThat(sr.reports()).isEmpty();
    Instant sent = Instant.ofEpochSecond((sr.ntpTimestamp() >>> 32) - 2_208_988_800L);
    assertThat(sent).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(packets.get(1))
        .isEqualTo(
            new SourceDescription(
                List.of(new SdesChunk(287_454_020L, Optional.of("slipstream-h264")))));
    assertThat(Rtcp.isRtcp(captured, 0, captured.length)).isTrue();
  }

  @Test
  void aReceiverReportBlockCarriesLossJitterAndTheEchoedSenderReport() {
    ReceiverReport rr = (ReceiverReport) parse(hex(RR)).getFirst();

    assertThat(rr.ssrc()).isOne();
    assertThat(rr.reports())
        .containsExactly(new ReportBlock(0x11223344L, 5, 16, 0x1ffdcL, 32, 0xeeafb94dL, 65_536));
  }

  @Test
  void cumulativeLossIsSignedTwentyFourBits() {
    byte[] rr = hex(RR);
    rr[13] = (byte) 0xFF;
    rr[14] = (byte) 0xFF;
    rr[15] = (byte) 0xFF;

    ReceiverReport parsed = (ReceiverReport) parse(rr).getFirst();

    assertThat(parsed.reports().getFirst().cumulativeLost()).isEqualTo(-1);
  }

  @Test
  void sourceDescriptionsKeepTheCnameAndSkipOtherItems() {
    assertThat(parse(hex(SDES)))
        .containsExactly(
            new SourceDescription(
                List.of(
                    new SdesChunk(0x11223344L, Optional.of("abcd")),
                    new SdesChunk(0x55667788L, Optional.empty()))));
  }

  @Test
  void aGoodbyeNamesItsSourcesAndReason() {
    assertThat(parse(hex(BYE)))
        .containsExactly(new Goodbye(List.of(0x11223344L), Optional.of("done")));
  }

  @Test
  void aNackAcrossTheWrapExpandsToEveryMissingPacketInOrder() {
    assertThat(parse(hex(NACK)))
        .containsExactly(new GenericNack(1, 0x11223344L, List.of(65_534, 65_535, 0, 1)));
  }

  @Test
  void pictureLossAndFullIntraRequestsNameTheSourceThatShouldSendAKeyframe() {
    assertThat(parse(hex(PLI + FIR)))
        .containsExactly(
            new PictureLossIndication(1, 0x11223344L),
            new FullIntraRequest(1, List.of(new FirEntry(0x11223344L, 7))));
  }

  @Test
  void rembTransportCcAndAppAreIdentifiedAndSkipped() {
    assertThat(parse(hex(REMB + TWCC + APP + PLI)))
        .containsExactly(
            new OtherFeedback(206, 15, FeedbackKind.REMB, 1, 0),
            new OtherFeedback(205, 15, FeedbackKind.TRANSPORT_CC, 1, 0x11223344L),
            new UnknownRtcp(204, 0),
            new PictureLossIndication(1, 0x11223344L));
  }

  @Test
  void aChromiumStyleFeedbackCompoundParsesInOrder() {
    List<RtcpPacket> packets = parse(hex(RR + SDES + NACK + PLI));

    assertThat(packets)
        .extracting(p -> p.getClass().getSimpleName())
        .containsExactly(
            "ReceiverReport", "SourceDescription", "GenericNack", "PictureLossIndication");
    assertThat(drops.total()).isZero();
  }

  @Test
  void rtpIsNotMistakenForRtcpOnAMultiplexedPort() {
    byte[] rtp = CapturedPackets.load("h264.rtp.hex").getFirst();
    byte[] markedRtp = PacketBytes.rtp().marker(true).payloadType(127).build();

    assertThat(Rtcp.isRtcp(rtp, 0, rtp.length)).isFalse();
    assertThat(Rtcp.isRtcp(markedRtp, 0, markedRtp.length)).isFalse();
    assertThat(Rtcp.isRtcp(hex(PLI), 0, 12)).isTrue();
  }

  private List<RtcpPacket> parse(byte[] bytes) {
    return Rtcp.parse(bytes, 0, bytes.length, drops).orElseThrow();
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
