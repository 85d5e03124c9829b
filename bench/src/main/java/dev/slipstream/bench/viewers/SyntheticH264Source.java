package dev.slipstream.bench.viewers;

import dev.slipstream.media.sdp.NegotiatedCodec;
import dev.slipstream.media.sdp.StreamCodecs;
import dev.slipstream.media.sfu.LocalPublisher;
import dev.slipstream.media.sfu.MediaServer;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * An in-process publisher of H.264-shaped video and Opus-shaped audio at a set bitrate, pushed
 * through {@link MediaServer#publishLocal} so the SFU forwards it exactly as it would a browser's.
 *
 * <p>Video is 30 frames per second with an IDR every 2 s (and at once when a viewer asks for a
 * keyframe); an IDR is about eight P-frames, P-frames vary by ±20 %, and the average over a GOP is
 * the requested bitrate. Audio is one 80-byte packet every 20 ms (32 kbit/s) on top. Each frame is
 * sent as one burst, as an encoder without a pacer would, which is the harder case for the SFU's
 * per-viewer queues. One platform thread paces both.
 */
final class SyntheticH264Source implements AutoCloseable {
  /** H.264 constrained baseline 3.1, packetization mode 1, as Chromium offers it first. */
  static final NegotiatedCodec VIDEO =
      new NegotiatedCodec(
          102,
          "H264",
          90_000,
          1,
          Map.of(
              "level-asymmetry-allowed", "1",
              "packetization-mode", "1",
              "profile-level-id", "42e01f"));

  /** Opus stereo at 48 kHz. */
  static final NegotiatedCodec AUDIO =
      new NegotiatedCodec(111, "opus", 48_000, 2, Map.of("minptime", "10", "useinbandfec", "1"));

  private static final int FPS = 30;
  private static final int GOP_FRAMES = 2 * FPS;
  private static final int IDR_WEIGHT = 8;
  private static final long FRAME_NANOS = 1_000_000_000L / FPS;
  private static final long AUDIO_NANOS = 20_000_000L;
  private static final int AUDIO_BYTES = 80;

  private final LocalPublisher publisher;
  private final LongSupplier nanoTime;
  private final SplittableRandom random;
  private final int pFrameBytes;
  private final H264Packetizer video;
  private final RtpHeader audio;
  private final byte[] audioPacket = new byte[RtpHeader.SIZE + AUDIO_BYTES];
  private final AtomicBoolean keyframeWanted = new AtomicBoolean(true);
  private final AtomicLong packets = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  private SyntheticH264Source(
      MediaServer media,
      String streamId,
      String publishKey,
      int bitrateKbps,
      long seed,
      LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.random = new SplittableRandom(seed);
    int averageFrameBytes = bitrateKbps * 1_000 / 8 / FPS;
    this.pFrameBytes = averageFrameBytes * GOP_FRAMES / (GOP_FRAMES - 1 + IDR_WEIGHT);
    this.video =
        new H264Packetizer(VIDEO.payloadType(), random.nextLong(1, 1L << 32), random.nextInt());
    this.audio = new RtpHeader(AUDIO.payloadType(), random.nextLong(1, 1L << 32), random.nextInt());
    this.publisher =
        media.publishLocal(
            streamId, publishKey, new StreamCodecs(VIDEO, AUDIO), () -> keyframeWanted.set(true));
    this.thread = Thread.ofPlatform().name("synthetic-source").daemon().unstarted(this::run);
  }

  /** Starts publishing into {@code streamId}; the stream is live when this returns. */
  static SyntheticH264Source start(
      MediaServer media,
      String streamId,
      String publishKey,
      int bitrateKbps,
      long seed,
      LongSupplier nanoTime) {
    SyntheticH264Source source =
        new SyntheticH264Source(media, streamId, publishKey, bitrateKbps, seed, nanoTime);
    source.thread.start();
    return source;
  }

  /** Returns the RTP packets sent so far, audio and video. */
  long packetsSent() {
    return packets.get();
  }

  private void run() {
    long start = nanoTime.getAsLong();
    long frames = 0;
    long audioFrames = 0;
    int sinceIdr = 0;
    long videoBase = random.nextLong(1L << 32);
    long audioBase = random.nextLong(1L << 32);
    while (running) {
      long now = nanoTime.getAsLong();
      long nextVideo = start + frames * FRAME_NANOS;
      long nextAudio = start + audioFrames * AUDIO_NANOS;
      if (now >= nextVideo) {
        boolean idr = sinceIdr >= GOP_FRAMES || keyframeWanted.getAndSet(false);
        sinceIdr = idr ? 1 : sinceIdr + 1;
        int bytes = idr ? pFrameBytes * IDR_WEIGHT : pFrameBytes * (80 + random.nextInt(41)) / 100;
        long timestamp = (videoBase + frames * (90_000 / FPS)) & 0xFFFF_FFFFL;
        packets.addAndGet(video.frame(idr, bytes, timestamp, publisher::send));
        frames++;
      } else if (now >= nextAudio) {
        audioPacket[RtpHeader.SIZE] = (byte) 0xFC; // Opus TOC: CELT FB 20 ms, one frame
        audio.write(audioPacket, false, (audioBase + audioFrames * 960) & 0xFFFF_FFFFL);
        publisher.send(audioPacket, audioPacket.length);
        packets.incrementAndGet();
        audioFrames++;
      } else {
        LockSupport.parkNanos(Math.min(nextVideo, nextAudio) - now);
      }
    }
  }

  /** Stops sending and ends the publishing session; the stream goes idle. */
  @Override
  public void close() {
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    publisher.close();
  }
}
