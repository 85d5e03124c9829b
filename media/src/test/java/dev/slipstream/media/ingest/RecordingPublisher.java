package dev.slipstream.media.ingest;

import dev.slipstream.media.rtp.DropCounts;
import dev.slipstream.media.rtp.RtpPacket;
import dev.slipstream.media.sfu.LocalPublisher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A publisher that keeps what it is sent, split by payload type, and remembers being closed. */
final class RecordingPublisher implements LocalPublisher {
  private final List<RtpPacket> video = new ArrayList<>();
  private final List<RtpPacket> audio = new ArrayList<>();
  private volatile boolean closed;
  volatile Runnable keyframeRequested = () -> {};

  @Override
  public synchronized void send(byte[] packet, int length) {
    RtpPacket parsed =
        RtpPacket.parse(Arrays.copyOf(packet, length), 0, length, new DropCounts()).orElseThrow();
    (parsed.payloadType() == IngestCodecs.H264_PAYLOAD_TYPE ? video : audio).add(parsed);
  }

  synchronized List<RtpPacket> video() {
    return List.copyOf(video);
  }

  synchronized List<RtpPacket> audio() {
    return List.copyOf(audio);
  }

  @Override
  public String sessionId() {
    return "local-test";
  }

  @Override
  public void close() {
    closed = true;
  }

  boolean closed() {
    return closed;
  }

  volatile dev.slipstream.media.sdp.@org.jspecify.annotations.Nullable StreamCodecs codecs;
  volatile String streamId = "";
  final java.util.concurrent.atomic.AtomicInteger opens =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Opens this publisher for any stream, keeping the stream and the codecs it was opened with. */
  LocalPublishing publishing() {
    return (stream, key, streamCodecs, keyframes) -> {
      streamId = stream;
      codecs = streamCodecs;
      opens.incrementAndGet();
      keyframeRequested = keyframes;
      return this;
    };
  }

  /** Opens this publisher, keeping the keyframe callback so a test can play a viewer's PLI. */
  PublisherOpener opener() {
    return (streamCodecs, keyframes) -> {
      codecs = streamCodecs;
      opens.incrementAndGet();
      keyframeRequested = keyframes;
      return this;
    };
  }
}
