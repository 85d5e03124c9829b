package dev.slipstream.media.ingest;

import static dev.slipstream.media.ingest.RtmpIngestIT.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.media.rtp.KeyframeDetector;
import dev.slipstream.media.rtp.PacketKind;
import dev.slipstream.platform.UnauthorizedException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SrtIngestIT {
  private static final String KEY = "sk_srtkey";

  private final RecordingPublisher publisher = new RecordingPublisher();
  private final int port = FfmpegPusher.freePort();
  private final ListenerLoop listener =
      ListenerLoop.start(
          new SrtFront("127.0.0.1", port),
          SrtIngestIT::lookUp,
          publisher.publishing(),
          new SplittableRandom(8));

  @AfterEach
  void stop() {
    listener.close();
  }

  @Test
  void anSrtCallerWithItsKeyAsStreamIdGoesLiveWithH264ForwardedAndOpusAudio() throws Exception {
    long firstVideoNanos;
    try (FfmpegPusher pusher = FfmpegPusher.push(url(KEY), "mpegts", 3, FfmpegPusher.baseline())) {
      waitUntil(() -> !publisher.video().isEmpty(), 10);
      firstVideoNanos = System.nanoTime() - pusher.startedNanos;
      pusher.waitFor(15);
    }
    waitUntil(publisher::closed, 15);

    assertThat(publisher.streamId).isEqualTo("str_srt");
    assertThat(publisher.codecs.video().fmtp()).containsEntry("profile-level-id", "42c01e");
    assertThat(publisher.codecs.audio()).isEqualTo(IngestCodecs.OPUS);
    assertThat(KeyframeDetector.h264().classify(publisher.video().getFirst()))
        .isEqualTo(PacketKind.KEYFRAME_START);
    assertThat(AccessUnits.of(publisher.video()).size()).isBetween(60, 95);
    assertThat(publisher.audio()).isNotEmpty();
    System.out.printf(
        "srt: ffmpeg start to first keyframe forwarded: %d ms%n", firstVideoNanos / 1_000_000);
  }

  @Test
  void aCallerWithAnUnknownStreamIdIsRefusedAndTheNextCallerStillGetsIn() throws Exception {
    try (FfmpegPusher pusher =
        FfmpegPusher.push(url("sk_nobody"), "mpegts", 2, FfmpegPusher.baseline())) {
      waitUntil(() -> listener.counts().rejected(IngestRejection.WRONG_KEY) == 1, 10);
    }
    assertThat(publisher.opens).hasValue(0);

    try (FfmpegPusher pusher = FfmpegPusher.push(url(KEY), "mpegts", 2, FfmpegPusher.baseline())) {
      waitUntil(() -> !publisher.video().isEmpty(), 10);
    }
    assertThat(listener.counts().sessions()).isEqualTo(1);
  }

  @Test
  void hevcVideoIsRefusedWithoutTheStreamGoingLive() throws Exception {
    try (FfmpegPusher pusher =
        FfmpegPusher.push(url(KEY), "mpegts", 2, "-c:v", "libx265", "-preset", "ultrafast")) {
      waitUntil(() -> listener.counts().rejected(IngestRejection.UNSUPPORTED_MEDIA) == 1, 15);
    }
    assertThat(publisher.opens).hasValue(0);
  }

  private String url(String key) throws Exception {
    FfmpegPusher.awaitListening(port, true);
    return "srt://127.0.0.1:" + port + "?streamid=" + key;
  }

  private static String lookUp(String key) {
    if (!key.equals(KEY)) {
      throw new UnauthorizedException("invalid_publish_key", "no stream has this publish key");
    }
    return "str_srt";
  }
}
