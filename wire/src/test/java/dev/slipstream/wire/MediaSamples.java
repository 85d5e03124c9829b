package dev.slipstream.wire;

import dev.slipstream.wire.v1.IngestProtocol;
import dev.slipstream.wire.v1.MediaClock;
import dev.slipstream.wire.v1.PlaybackProtocol;
import dev.slipstream.wire.v1.StreamCreated;
import dev.slipstream.wire.v1.StreamEndReason;
import dev.slipstream.wire.v1.StreamEnded;
import dev.slipstream.wire.v1.StreamLifecycleEvent;
import dev.slipstream.wire.v1.StreamLive;
import dev.slipstream.wire.v1.StreamState;
import dev.slipstream.wire.v1.StreamStats;
import dev.slipstream.wire.v1.VideoFormat;
import dev.slipstream.wire.v1.ViewerJoined;
import dev.slipstream.wire.v1.ViewerLeft;
import java.util.List;

/** Sample messages of media.proto: one lifecycle event of each kind, stats and the clock. */
final class MediaSamples {

  static final String STREAM_ID = "stream-zurich-100m";

  /** 2^53 + 1: the first integer a JavaScript number cannot hold. */
  static final long BEYOND_JS_SAFE_INTEGER = 9_007_199_254_740_993L;

  private MediaSamples() {}

  static List<SampleCase> cases() {
    return List.of(
        new SampleCase("stream-created", streamCreated()),
        new SampleCase(
            "stream-live",
            lifecycle()
                .setLive(StreamLive.newBuilder().setMediaTimeUs(-66_666).setVideo(video()))
                .build()),
        new SampleCase(
            "stream-ended",
            lifecycle()
                .setEnded(
                    StreamEnded.newBuilder()
                        .setMediaTimeUs(3_600_000_000L)
                        .setReason(StreamEndReason.STREAM_END_REASON_INGEST_TIMEOUT))
                .build()),
        new SampleCase(
            "viewer-joined",
            lifecycle()
                .setViewerJoined(
                    ViewerJoined.newBuilder()
                        .setViewerId("viewer-5f2c")
                        .setProtocol(PlaybackProtocol.PLAYBACK_PROTOCOL_WHEP))
                .build()),
        new SampleCase(
            "viewer-left",
            lifecycle()
                .setViewerLeft(
                    ViewerLeft.newBuilder().setViewerId("viewer-5f2c").setWatchedUs(754_000_000L))
                .build()),
        new SampleCase("stream-stats", streamStats()),
        new SampleCase("media-clock", mediaClock()));
  }

  static StreamLifecycleEvent streamCreated() {
    return lifecycle()
        .setCreated(
            StreamCreated.newBuilder()
                .setTitle("Zürich 100 m — heat 2 🏃")
                .setBroadcasterAccountId("acct-broadcaster-7")
                .setIngestProtocol(IngestProtocol.INGEST_PROTOCOL_WHIP))
        .build();
  }

  static StreamStats streamStats() {
    return StreamStats.newBuilder()
        .setStreamId(STREAM_ID)
        .setState(StreamState.STREAM_STATE_LIVE)
        .setMediaTimeUs(12_345_678)
        .setSampledAtUnixUs(1_795_000_012_000_000L)
        .setViewerCount(1_250)
        .putViewersByProtocol("whep", 1_000)
        .putViewersByProtocol("ll-hls", 250)
        .setIngestBitrateBps(2_500_000)
        .setFramesReceived(BEYOND_JS_SAFE_INTEGER)
        .setFramesDropped(12)
        .setVideo(video())
        .build();
  }

  static MediaClock mediaClock() {
    return MediaClock.newBuilder()
        .setStreamId(STREAM_ID)
        .setMediaTimeUs(-33_333)
        .setWallClockUnixUs(1_795_000_000_000_000L)
        .build();
  }

  private static StreamLifecycleEvent.Builder lifecycle() {
    return StreamLifecycleEvent.newBuilder()
        .setStreamId(STREAM_ID)
        .setOccurredAtUnixUs(1_795_000_000_123_456L);
  }

  private static VideoFormat video() {
    return VideoFormat.newBuilder()
        .setCodec("h264")
        .setWidth(640)
        .setHeight(360)
        .setFrameRateMillihertz(29_970)
        .build();
  }
}
