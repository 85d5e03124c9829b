package dev.slipstream.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.media.rtp.KeyframeDetector;
import dev.slipstream.media.rtp.PacketKind;
import dev.slipstream.platform.UnauthorizedException;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RtmpIngestIT {
  private static final String KEY = "sk_goodkey";

  private final RecordingPublisher publisher = new RecordingPublisher();
  private final int port = FfmpegPusher.freePort();
  private final ListenerLoop listener =
      ListenerLoop.start(
          new RtmpFront("127.0.0.1", port),
          RtmpIngestIT::lookUp,
          publisher.publishing(),
          new SplittableRandom(8));

  @AfterEach
  void stop() {
    listener.close();
  }

  @Test
  void aBroadcasterPushingH264AndAacGoesLiveWithItsVideoForwardedAndAudioAsOpus() throws Exception {
    long firstKeyframeNanos;
    try (FfmpegPusher pusher = FfmpegPusher.push(url(KEY), "flv", 4, FfmpegPusher.baseline())) {
      waitUntil(() -> !publisher.video().isEmpty(), 10);
      firstKeyframeNanos = System.nanoTime() - pusher.startedNanos;
      assertThat(pusher.waitFor(15)).isTrue();
    }
    waitUntil(publisher::closed, 5);

    assertThat(publisher.streamId).isEqualTo("str_race");
    assertThat(publisher.codecs.video().fmtp()).containsEntry("profile-level-id", "42c01e");
    assertThat(publisher.codecs.audio()).isEqualTo(IngestCodecs.OPUS);
    assertThat(KeyframeDetector.h264().classify(publisher.video().getFirst()))
        .isEqualTo(PacketKind.KEYFRAME_START);
    assertThat(AccessUnits.of(publisher.video()).size()).isBetween(100, 125);
    assertThat(publisher.audio().size()).isBetween(150, 205);
    try (TestDecoder decoder = new TestDecoder()) {
      assertThat(decoder.decode(AccessUnits.of(publisher.video()).getFirst().annexB())).isPresent();
    }
    assertThat(listener.counts().sessions()).isEqualTo(1);
    System.out.printf(
        "rtmp: ffmpeg start to first keyframe forwarded: %d ms%n", firstKeyframeNanos / 1_000_000);
  }

  @Test
  void aWrongKeyIsRefusedAndCountedAndTheNextBroadcasterStillGetsIn() throws Exception {
    try (FfmpegPusher pusher =
        FfmpegPusher.push(url("sk_wrong"), "flv", 2, FfmpegPusher.baseline())) {
      waitUntil(() -> listener.counts().rejected(IngestRejection.WRONG_KEY) == 1, 10);
      pusher.waitFor(10);
    }
    assertThat(publisher.opens).hasValue(0);

    try (FfmpegPusher pusher = FfmpegPusher.push(url(KEY), "flv", 2, FfmpegPusher.baseline())) {
      waitUntil(() -> !publisher.video().isEmpty(), 10);
    }
    assertThat(listener.counts().sessions()).isEqualTo(1);
  }

  @Test
  void videoThatIsNotH264IsRefusedWithoutTheStreamGoingLive() throws Exception {
    try (FfmpegPusher pusher = FfmpegPusher.push(url(KEY), "flv", 2, "-c:v", "flv1")) {
      waitUntil(() -> listener.counts().rejected(IngestRejection.UNSUPPORTED_MEDIA) == 1, 10);
    }
    assertThat(publisher.opens).hasValue(0);
  }

  @Test
  void h264WithBFramesIsRefusedBecauseWebRtcCannotReorderFrames() throws Exception {
    try (FfmpegPusher pusher =
        FfmpegPusher.push(
            url(KEY), "flv", 2, "-c:v", "libx264", "-profile:v", "main", "-bf", "2")) {
      waitUntil(() -> listener.counts().rejected(IngestRejection.UNSUPPORTED_MEDIA) == 1, 10);
    }
    assertThat(publisher.opens).hasValue(0);
  }

  private String url(String key) throws Exception {
    FfmpegPusher.awaitListening(port, false);
    return "rtmp://127.0.0.1:" + port + "/live/" + key;
  }

  private static String lookUp(String key) {
    if (!key.equals(KEY)) {
      throw new UnauthorizedException("invalid_publish_key", "no stream has this publish key");
    }
    return "str_race";
  }

  static void waitUntil(BooleanSupplier condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within " + seconds + " s");
      }
      Thread.sleep(20);
    }
  }
}
