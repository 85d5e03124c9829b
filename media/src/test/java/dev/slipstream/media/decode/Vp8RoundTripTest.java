package dev.slipstream.media.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.media.ingest.ClockPattern;
import dev.slipstream.media.rtp.DropCounts;
import dev.slipstream.media.rtp.RtpPacket;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * VP8 as a browser sends it (RFC 7741 payload descriptors with a 15-bit picture id, frames split
 * over several packets) comes back out of the depacketizer and FFmpeg's decoder with the clock the
 * sender drew still readable.
 */
class Vp8RoundTripTest {
  private static final long BASE_CLOCK = 1_790_000_000_000L;
  private static final int PAYLOAD = 300;

  @Test
  void everyFrameDecodesAndReadsBackTheClockItWasDrawnWith() {
    List<RtpPacket> packets = packetize(encode(30, 10));
    List<Long> clocks = new ArrayList<>();
    Vp8Depacketizer depacketizer = new Vp8Depacketizer();
    try (VideoDecoder decoder = VideoDecoder.open("VP8")) {
      for (RtpPacket packet : packets) {
        depacketizer
            .push(packet)
            .ifPresent(
                frame ->
                    decoder.decode(
                        frame,
                        frame.rtpTimestamp(),
                        (d, pts) -> {
                          DecodedFrame decoded = decoded(d, pts);
                          clocks.add(ClockPattern.read(decoded.toImage()).orElse(-1));
                        }));
      }
    }

    assertThat(clocks).hasSize(30);
    for (int i = 0; i < clocks.size(); i++) {
      assertThat(clocks.get(i)).isEqualTo((BASE_CLOCK + i * 33L) & 0xFFFF_FFFFL);
    }
    assertThat(depacketizer.discarded()).isZero();
  }

  @Test
  void aLostPacketSpoilsFramesUntilTheNextKeyframe() {
    List<RtpPacket> packets = new ArrayList<>(packetize(encode(30, 10)));
    packets.remove(firstPacketOfFrame(packets, 3));
    List<EncodedFrame> frames = new ArrayList<>();
    Vp8Depacketizer depacketizer = new Vp8Depacketizer();
    for (RtpPacket packet : packets) {
      depacketizer.push(packet).ifPresent(frames::add);
    }

    assertThat(frames).hasSize(3 + 20);
    assertThat(depacketizer.discarded()).isEqualTo(6);
    assertThat(frames.get(3).keyframe()).isTrue();
    assertThat(frames.get(3).rtpTimestamp()).isEqualTo(10 * 3000L);
  }

  @Test
  void aGarbledDescriptorIsRefusedNotDecoded() {
    byte[] truncated = rtp(0, 0, true, new byte[] {(byte) 0x90});
    Vp8Depacketizer depacketizer = new Vp8Depacketizer();

    Optional<EncodedFrame> frame = depacketizer.push(parse(truncated));

    assertThat(frame).isEmpty();
    assertThat(depacketizer.discarded()).isZero();
  }

  private static DecodedFrame decoded(VideoDecoder decoder, long pts) {
    int height =
        DecodeTapSettings.VISION.heightFor(decoder.pictureWidth(), decoder.pictureHeight());
    return new DecodedFrame(
        "vp8",
        0,
        pts,
        java.time.Instant.EPOCH,
        java.time.Instant.EPOCH,
        640,
        height,
        decoder.scaledBgr(640, height));
  }

  private static List<Vp8TestEncoder.Vp8Frame> encode(int count, int keyframeInterval) {
    List<Vp8TestEncoder.Vp8Frame> frames = new ArrayList<>();
    try (Vp8TestEncoder encoder = new Vp8TestEncoder(640, 360, keyframeInterval)) {
      for (int i = 0; i < count; i++) {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(40, 120, 60));
        g.fillRect(0, 0, 640, 360);
        g.setColor(java.awt.Color.ORANGE);
        g.fillOval(100 + i * 10, 200, 40, 80);
        ClockPattern.draw(g, BASE_CLOCK + i * 33L);
        g.dispose();
        frames.addAll(encoder.encode(image));
      }
    }
    return frames;
  }

  /** Splits frames into RTP packets with an extended descriptor and a 15-bit picture id. */
  private static List<RtpPacket> packetize(List<Vp8TestEncoder.Vp8Frame> frames) {
    List<RtpPacket> packets = new ArrayList<>();
    int sequence = 65_500;
    for (int f = 0; f < frames.size(); f++) {
      byte[] data = frames.get(f).data();
      int pictureId = 32_760 + f & 0x7FFF;
      for (int at = 0; at < data.length; at += PAYLOAD) {
        int size = Math.min(PAYLOAD, data.length - at);
        byte[] payload = new byte[4 + size];
        payload[0] = (byte) (at == 0 ? 0x90 : 0x80);
        payload[1] = (byte) 0x80;
        payload[2] = (byte) (0x80 | pictureId >> 8);
        payload[3] = (byte) pictureId;
        System.arraycopy(data, at, payload, 4, size);
        boolean last = at + size == data.length;
        packets.add(parse(rtp(sequence++ & 0xFFFF, f * 3000L, last, payload)));
      }
    }
    return packets;
  }

  private static int firstPacketOfFrame(List<RtpPacket> packets, int frame) {
    for (int i = 0; i < packets.size(); i++) {
      if (packets.get(i).timestamp() == frame * 3000L) {
        return i;
      }
    }
    throw new AssertionError("no frame " + frame);
  }

  private static byte[] rtp(int sequence, long timestamp, boolean marker, byte[] payload) {
    byte[] packet = new byte[12 + payload.length];
    packet[0] = (byte) 0x80;
    packet[1] = (byte) ((marker ? 0x80 : 0) | 96);
    packet[2] = (byte) (sequence >> 8);
    packet[3] = (byte) sequence;
    for (int i = 0; i < 4; i++) {
      packet[4 + i] = (byte) (timestamp >> (24 - 8 * i));
      packet[8 + i] = (byte) (0x5EED0001L >> (24 - 8 * i));
    }
    System.arraycopy(payload, 0, packet, 12, payload.length);
    return packet;
  }

  private static RtpPacket parse(byte[] packet) {
    return RtpPacket.parse(packet, 0, packet.length, new DropCounts()).orElseThrow();
  }
}
