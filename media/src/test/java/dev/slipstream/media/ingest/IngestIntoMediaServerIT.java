package dev.slipstream.media.ingest;

import static dev.slipstream.media.ingest.RtmpIngestIT.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.media.TestMediaPlane;
import dev.slipstream.media.sfu.LiveStreamStats;
import dev.slipstream.media.sfu.MediaServer;
import dev.slipstream.media.stream.NewStream;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.media.stream.StreamState;
import dev.slipstream.platform.UnauthorizedException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sources against the real media plane: the stream goes live and its figures move. */
class IngestIntoMediaServerIT {
  private TestMediaPlane plane;
  private StreamDirectory directory;
  private MediaServer media;

  @BeforeEach
  void startMediaPlane() throws Exception {
    plane = TestMediaPlane.start();
    directory = plane.directory();
    media = plane.media();
  }

  @AfterEach
  void stopMediaPlane() {
    plane.close();
  }

  @Test
  void theSyntheticSourceMakesItsStreamLiveAtThirtyFramesASecondAndIdleWhenClosed()
      throws Exception {
    NewStream stream = directory.create("Synthetic 100 m");
    String id = stream.stream().id();

    try (SyntheticSource source =
        SyntheticSource.start(
            media, id, stream.publishKey().value(), Clock.systemUTC(), new SplittableRandom(1))) {
      waitUntil(() -> media.stats(id).map(LiveStreamStats::framesPerSecond).orElse(0.0) >= 25, 15);
      LiveStreamStats stats = media.stats(id).orElseThrow();
      assertThat(stats.videoCodec()).isEqualToIgnoringCase("H264");
      assertThat(stats.ingestBitrateKbps()).isBetween(100L, 3000L);
      assertThat(directory.get(id).state()).isEqualTo(StreamState.LIVE);
    }
    assertThat(directory.get(id).state()).isEqualTo(StreamState.IDLE);
  }

  @Test
  void aWrongPublishKeyStopsTheSyntheticSourceBeforeItStarts() {
    String id = directory.create("Keyed").stream().id();

    assertThatThrownBy(
            () ->
                SyntheticSource.start(
                    media, id, "sk_wrong", Clock.systemUTC(), new SplittableRandom(1)))
        .isInstanceOf(UnauthorizedException.class);
    assertThat(directory.get(id).state()).isEqualTo(StreamState.IDLE);
  }

  @Test
  void anRtmpBroadcasterFindsItsStreamByTheKeyAndMakesItLive() throws Exception {
    NewStream stream = directory.create("RTMP heat");
    String id = stream.stream().id();
    int port = FfmpegPusher.freePort();

    try (IngestListener rtmp =
        IngestListener.rtmp("127.0.0.1", port, media, directory, new SecureRandom())) {
      FfmpegPusher.awaitListening(port, false);
      String url = rtmp.publishUrl().replace("<publish key>", stream.publishKey().value());
      try (FfmpegPusher pusher = FfmpegPusher.push(url, "flv", 6, FfmpegPusher.baseline())) {
        waitUntil(
            () -> media.stats(id).map(LiveStreamStats::framesPerSecond).orElse(0.0) >= 20, 15);
        assertThat(media.stats(id).orElseThrow().videoCodec()).isEqualToIgnoringCase("H264");
        assertThat(directory.get(id).state()).isEqualTo(StreamState.LIVE);
        pusher.waitFor(15);
      }
      waitUntil(() -> directory.get(id).state() == StreamState.IDLE, 10);
      assertThat(rtmp.counts().sessions()).isEqualTo(1);
    }
  }
}
