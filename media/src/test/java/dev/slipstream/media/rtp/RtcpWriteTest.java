package dev.slipstream.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RtcpWriteTest {
  private static final ReportBlock BLOCK =
      new ReportBlock(0x11223344L, 5, -3, 0x1ffdcL, 32, 0xeeafb94dL, 65_536);

  private final DropCounts drops = new DropCounts();

  @Test
  void everyWritablePacketReadsBackAsItWasWritten() {
    List<RtcpPacket> packets =
        List.of(
            new SenderReport(
                0xAABBCCDDL,
                NtpTime.of(Instant.parse("2026-11-24T10:00:00.5Z")),
                90_000,
                10,
                12_000,
                List.of(BLOCK)),
            new ReceiverReport(1, List.of(BLOCK, BLOCK)),
            new SourceDescription(
                List.of(
                    new SdesChunk(1, Optional.of("viewer-ä")),
                    new SdesChunk(2, Optional.empty()),
                    new SdesChunk(3, Optional.of("abc")))),
            new Goodbye(List.of(1L, 2L), Optional.of("bye")),
            new Goodbye(List.of(3L), Optional.empty()),
            new GenericNack(1, 2, List.of(10, 11, 40)),
            new PictureLossIndication(1, 2),
            new FullIntraRequest(1, List.of(new FirEntry(2, 255), new FirEntry(3, 0))));

    byte[] compound = Rtcp.write(packets);

    assertThat(Rtcp.parse(compound, 0, compound.length, drops)).contains(packets);
  }

  @Test
  void aPictureLossIndicationIsTheTwelveBytesOfRfc4585() {
    byte[] pli = Rtcp.write(List.of(new PictureLossIndication(1, 0x11223344L)));

    assertThat(HexFormat.of().formatHex(pli)).isEqualTo(RtcpParseTest.PLI);
  }

  @Test
  void aNackAcrossTheWrapPacksIntoOnePidAndBitmask() {
    byte[] nack =
        Rtcp.write(List.of(new GenericNack(1, 0x11223344L, List.of(1, 0, 65_535, 65_534))));

    assertThat(HexFormat.of().formatHex(nack)).isEqualTo(RtcpParseTest.NACK);
  }

  @Test
  void seventeenConsecutiveLossesFitOnePairAndTheEighteenthStartsAnother() {
    List<Integer> missing = new ArrayList<>();
    for (int seq = 65_530; seq < 65_530 + 18; seq++) {
      missing.add(seq & 0xFFFF);
    }

    byte[] nack = Rtcp.write(List.of(new GenericNack(1, 2, missing)));

    assertThat(nack).hasSize(12 + 8);
    assertThat(HexFormat.of().formatHex(nack, 12, 20)).isEqualTo("fffaffff" + "000b0000");
    assertThat(Rtcp.parse(nack, 0, nack.length, drops).orElseThrow())
        .containsExactly(new GenericNack(1, 2, missing));
  }

  @Test
  void randomLossPatternsSurviveARoundTripAtEveryPlaceOnTheCircle() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 500; round++) {
      int start = random.nextInt(65_536);
      List<Integer> missing = new ArrayList<>();
      for (int offset = 0; offset < 300; offset++) {
        if (random.nextInt(4) == 0) {
          missing.add((start + offset) & 0xFFFF);
        }
      }
      byte[] nack = Rtcp.write(List.of(new GenericNack(9, 8, missing)));
      GenericNack parsed =
          (GenericNack) Rtcp.parse(nack, 0, nack.length, drops).orElseThrow().get(0);
      assertThat(parsed.sequenceNumbers()).isEqualTo(missing);
    }
  }

  @Test
  void aNackListsItsNumbersOldestFirstWithoutRepeats() {
    GenericNack nack = new GenericNack(1, 2, List.of(3, 65_535, 3, 1, 65_000));

    assertThat(nack.sequenceNumbers()).containsExactly(65_000, 65_535, 1, 3);
  }

  @Test
  void feedbackThatIsOnlyIdentifiedCannotBeWritten() {
    assertThatThrownBy(
            () -> Rtcp.write(List.of(new OtherFeedback(206, 15, FeedbackKind.REMB, 1, 0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("identified only");
  }

  @Test
  void moreThanThirtyOneReportBlocksAreRefused() {
    List<ReportBlock> blocks = java.util.Collections.nCopies(32, BLOCK);

    assertThatThrownBy(() -> Rtcp.write(List.of(new ReceiverReport(1, blocks))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 31 items, got 32");
  }

  @Test
  void ntpTimeCountsFrom1900WithABinaryFraction() {
    long ntp = NtpTime.of(Instant.parse("1970-01-01T00:00:00.5Z"));

    assertThat(ntp >>> 32).isEqualTo(2_208_988_800L);
    assertThat(ntp & 0xFFFFFFFFL).isEqualTo(0x8000_0000L);
    assertThat(NtpTime.middle32(0x1122_3344_5566_7788L)).isEqualTo(0x3344_5566L);
  }
}
