package dev.slipstream.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.media.rtp.KeyframeDetector;
import dev.slipstream.media.rtp.PacketKind;
import dev.slipstream.media.rtp.RtpPacket;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyntheticSourceIT {
  private static final long START = 1_795_514_400_000L;

  private final SteppingClock clock = new SteppingClock(START);
  private final RecordingPublisher publisher = new RecordingPublisher();

  @Test
  void everyDecodedFrameShowsTheClockAtTheMomentItWasDrawn() {
    List<Long> drawnAt = new ArrayList<>();
    try (SyntheticFrames frames = frames()) {
      for (int i = 0; i < 90; i++) {
        drawnAt.add(clock.millis());
        frames.next();
        clock.advance(33 + i % 3);
      }
    }

    List<AccessUnits.AccessUnit> units = AccessUnits.of(publisher.video());
    assertThat(units).hasSize(90);
    try (TestDecoder decoder = new TestDecoder()) {
      for (int i = 0; i < units.size(); i++) {
        BufferedImage picture = decoder.decode(units.get(i).annexB()).orElseThrow();
        assertThat(ClockPattern.read(picture))
            .as("frame %d", i)
            .isEqualTo(OptionalLong.of(drawnAt.get(i) & 0xFFFF_FFFFL));
        long rtpElapsed = (units.get(i).timestamp() - units.getFirst().timestamp()) & 0xFFFF_FFFFL;
        assertThat(rtpElapsed).isEqualTo((drawnAt.get(i) - START) * 90);
      }
    }
  }

  @Test
  void keyframesComeEveryTwoSecondsAndOnTheFrameAfterAViewerAsks() {
    try (SyntheticFrames frames = frames()) {
      for (int i = 0; i < 130; i++) {
        if (i == 75) {
          frames.requestKeyframe();
        }
        frames.next();
        clock.advance(33);
      }
    }

    List<Integer> keyframes = new ArrayList<>();
    List<RtpPacket> video = publisher.video();
    int frame = 0;
    boolean frameStart = true;
    for (RtpPacket packet : video) {
      if (frameStart && KeyframeDetector.h264().classify(packet) == PacketKind.KEYFRAME_START) {
        keyframes.add(frame);
      }
      frameStart = packet.marker();
      frame += packet.marker() ? 1 : 0;
    }
    assertThat(keyframes).containsExactly(0, 60, 75, 120);
    byte[] stapA = CapturingSink.payload(video.getFirst());
    byte[] sps = java.util.Arrays.copyOfRange(stapA, 3, 3 + 4);
    assertThat(sps[0] & 0x1F).as("an SPS first").isEqualTo(7);
    assertThat(sps[1] & 0xFF).as("profile_idc: Baseline").isEqualTo(0x42);
    assertThat(sps[2] & 0x40).as("constraint_set1: Constrained Baseline").isEqualTo(0x40);
    System.out.printf("openh264 profile-level-id: %02x%02x%02x%n", sps[1], sps[2], sps[3]);
  }

  @Test
  void opusAudioRunsAlongsideInTwentyMillisecondPackets() {
    try (SyntheticFrames frames = frames()) {
      for (int i = 0; i < 90; i++) {
        frames.next();
        clock.advance(1000 / 30 + (i % 3 == 0 ? 1 : 0));
      }
    }

    List<RtpPacket> audio = publisher.audio();
    assertThat(audio.size()).isBetween(145, 152);
    for (int i = 1; i < audio.size(); i++) {
      assertThat((audio.get(i).timestamp() - audio.get(i - 1).timestamp()) & 0xFFFF_FFFFL)
          .isEqualTo(960);
      assertThat(audio.get(i).payloadType()).isEqualTo(111);
    }
  }

  @Test
  void theSourceRunsOnItsOwnThreadAndClosingItEndsThePublishingSession() throws Exception {
    SyntheticSource source =
        ThreadedSyntheticSource.start(
            "str_synthetic",
            publisher.opener(),
            clock,
            clock.pacer(),
            new SplittableRandom(2),
            new TrackScene(new SplittableRandom(2)));
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (source.framesSent() < 60 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    source.close();

    assertThat(source.framesSent()).isGreaterThanOrEqualTo(60);
    assertThat(source.isRunning()).isFalse();
    assertThat(publisher.closed()).isTrue();
    assertThat(clock.millis() - START).isBetween(1950L, 60_000L);
    long framesAtClose = source.framesSent();
    Thread.sleep(100);
    assertThat(source.framesSent()).isEqualTo(framesAtClose);
  }

  @Test
  void encodingAFrameTakesAFewMilliseconds() {
    long[] nanos = new long[300];
    try (SyntheticFrames frames = frames()) {
      for (int i = 0; i < nanos.length; i++) {
        long t0 = System.nanoTime();
        frames.next();
        nanos[i] = System.nanoTime() - t0;
        clock.advance(33);
      }
    }
    long[] warm = Arrays.copyOfRange(nanos, 30, nanos.length);
    Arrays.sort(warm);
    System.out.printf(
        "synthetic frame (draw + encode + packetise) ms: p50 %.2f p99 %.2f max %.2f%n",
        warm[warm.length / 2] / 1e6,
        warm[warm.length * 99 / 100] / 1e6,
        warm[warm.length - 1] / 1e6);
    long bytes = publisher.video().stream().mapToLong(RtpPacket::payloadLength).sum();
    System.out.printf(
        "synthetic video bitrate: %.0f kbit/s%n", bytes * 8.0 / (nanos.length / 30.0) / 1000);
    assertThat(publisher.video()).isNotEmpty();
  }

  private SyntheticFrames frames() {
    return new SyntheticFrames(clock, new SplittableRandom(11), true, publisher::send);
  }
}
