package dev.slipstream.media.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.media.rtp.DropCounts;
import dev.slipstream.media.rtp.RtpPacket;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Uses the FFmpeg capture in {@code rtp/h264.rtp.hex}: 50 frames, IDR at frames 0 and 25. */
class H264DepacketizerTest {

  @Test
  void everyFrameOfACapturedStreamComesBackAsOneAccessUnit() throws IOException {
    List<EncodedFrame> units = depacketize(packets());

    assertThat(units).hasSize(50);
    assertThat(units).filteredOn(EncodedFrame::keyframe).hasSize(2);
    assertThat(units.getFirst().keyframe()).isTrue();
    assertThat(units.get(25).keyframe()).isTrue();
    byte[] first = units.getFirst().data();
    assertThat(first).startsWith(0, 0, 0, 1, 0x67);
    assertThat(units).extracting(EncodedFrame::rtpTimestamp).doesNotHaveDuplicates();
  }

  @Test
  void aLostPacketDropsItsFrameAndEveryFrameUntilTheNextKeyframe() throws IOException {
    List<RtpPacket> packets = new ArrayList<>(packets());
    packets.remove(30);
    H264Depacketizer depacketizer = new H264Depacketizer();

    List<EncodedFrame> units = depacketize(packets, depacketizer);

    assertThat(units.stream().filter(EncodedFrame::keyframe)).hasSize(2);
    assertThat(units.size() + depacketizer.discarded()).isEqualTo(50);
    assertThat(depacketizer.discarded()).isBetween(10L, 25L);
  }

  @Test
  void aStreamJoinedMidwayStartsAtItsNextKeyframe() throws IOException {
    List<RtpPacket> packets = packets();
    List<EncodedFrame> units = depacketize(packets.subList(40, packets.size()));

    assertThat(units.getFirst().keyframe()).isTrue();
    assertThat(units).hasSize(25);
  }

  private static List<EncodedFrame> depacketize(List<RtpPacket> packets) {
    return depacketize(packets, new H264Depacketizer());
  }

  private static List<EncodedFrame> depacketize(
      List<RtpPacket> packets, H264Depacketizer depacketizer) {
    List<EncodedFrame> units = new ArrayList<>();
    for (RtpPacket packet : packets) {
      depacketizer.push(packet).ifPresent(units::add);
    }
    return units;
  }

  private static List<RtpPacket> packets() throws IOException {
    try (InputStream in = H264DepacketizerTest.class.getResourceAsStream("/rtp/h264.rtp.hex")) {
      DropCounts drops = new DropCounts();
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(HexFormat.of()::parseHex)
          .map(bytes -> RtpPacket.parse(bytes, 0, bytes.length, drops).orElseThrow())
          .toList();
    }
  }
}
