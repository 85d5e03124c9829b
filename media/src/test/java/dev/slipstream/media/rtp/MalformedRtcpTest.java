package dev.slipstream.media.rtp;

import static dev.slipstream.media.rtp.RtcpParseTest.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MalformedRtcpTest {
  private final DropCounts drops = new DropCounts();

  @Test
  void aLengthFieldPointingPastTheDatagramDropsTheCompound() {
    byte[] captured = CapturedPackets.load("h264.rtcp.hex").getFirst();
    captured[3] = 20; // the SR claims 84 bytes; the datagram has 56

    assertDropped(captured, DropReason.RTCP_LENGTH_BEYOND_END);
  }

  @Test
  void aLengthFieldTooShortForTheSenderInfoDropsTheCompound() {
    byte[] captured = CapturedPackets.load("h264.rtcp.hex").getFirst();
    captured[3] = 4; // 20 bytes cannot hold SSRC and the 20-byte sender info

    assertDropped(captured, DropReason.RTCP_BODY_TOO_SHORT);
  }

  @Test
  void aGoodReportFollowedByGarbageDropsTheWholeCompound() {
    byte[] compound = hex(RtcpParseTest.RR + RtcpParseTest.PLI);
    compound[32] = 0x41; // version 1 on the PLI

    assertDropped(compound, DropReason.RTCP_BAD_VERSION);
  }

  @Test
  void fewerThanFourBytesOrTrailingBytesAreTooShort() {
    assertDropped(new byte[3], DropReason.RTCP_TOO_SHORT);
    assertDropped(hex(RtcpParseTest.PLI + "8100"), DropReason.RTCP_TOO_SHORT);
  }

  @Test
  void moreReportBlocksThanTheLengthHoldsIsMalformed() {
    byte[] rr = hex(RtcpParseTest.RR);
    rr[0] = (byte) 0x82;

    assertDropped(rr, DropReason.RTCP_BODY_TOO_SHORT);
  }

  @Test
  void anSdesItemRunningPastThePacketIsMalformed() {
    byte[] sdes = hex(RtcpParseTest.SDES);
    sdes[9] = 40; // the CNAME claims 40 bytes

    assertDropped(sdes, DropReason.RTCP_BODY_TOO_SHORT);
  }

  @Test
  void anSdesChunkWithoutAnEndMarkIsMalformed() {
    assertDropped(hex("81ca0002" + "11223344" + "01026162"), DropReason.RTCP_BODY_TOO_SHORT);
  }

  @Test
  void aGoodbyeCountingMoreSourcesThanItHoldsOrALongReasonIsMalformed() {
    assertDropped(hex("82cb0001" + "11223344"), DropReason.RTCP_BODY_TOO_SHORT);
    assertDropped(hex("81cb0002" + "11223344" + "09616263"), DropReason.RTCP_BODY_TOO_SHORT);
  }

  @Test
  void feedbackWithoutItsFciIsMalformed() {
    assertDropped(hex("81cd0002" + "00000001" + "11223344"), DropReason.RTCP_BODY_TOO_SHORT);
    assertDropped(
        hex("84ce0003" + "00000001" + "00000000" + "11223344"), DropReason.RTCP_BODY_TOO_SHORT);
    assertDropped(hex("81ce0001" + "00000001"), DropReason.RTCP_BODY_TOO_SHORT);
  }

  @Test
  void paddingLargerThanThePacketIsMalformed() {
    byte[] pli = hex(RtcpParseTest.PLI);
    pli[0] |= 0x20;
    pli[11] = 13;

    assertDropped(pli, DropReason.RTCP_BAD_PADDING);
  }

  @Test
  void validPaddingIsSkipped() {
    byte[] padded = hex("a1ce0003" + "00000001" + "11223344" + "00000004");

    assertThat(Rtcp.parse(padded, 0, padded.length, drops).orElseThrow())
        .containsExactly(new RtcpPacket.PictureLossIndication(1, 0x11223344L));
  }

  @Test
  void corruptedAndTruncatedCompoundsNeverThrow() {
    SplittableRandom random = new SplittableRandom(11);
    List<byte[]> seeds =
        List.of(
            CapturedPackets.load("vp8.rtcp.hex").getFirst(),
            hex(RtcpParseTest.RR + RtcpParseTest.SDES + RtcpParseTest.NACK),
            hex(RtcpParseTest.FIR + RtcpParseTest.BYE + RtcpParseTest.REMB));
    int accepted = 0;
    for (int round = 0; round < 20_000; round++) {
      byte[] seed = seeds.get(random.nextInt(seeds.size()));
      byte[] bytes = Arrays.copyOf(seed, 1 + random.nextInt(seed.length));
      for (int flips = random.nextInt(1, 4); flips > 0; flips--) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      if (Rtcp.parse(bytes, 0, bytes.length, drops).isPresent()) {
        accepted++;
        Rtcp.rewriteMediaSsrc(bytes, 0, bytes.length, 0x11223344L, 5);
      }
    }
    assertThat(accepted + drops.total()).isEqualTo(20_000);
  }

  private void assertDropped(byte[] bytes, DropReason reason) {
    long before = drops.count(reason);
    assertThat(Rtcp.parse(bytes, 0, bytes.length, drops)).isEmpty();
    assertThat(drops.count(reason)).isEqualTo(before + 1);
  }
}
