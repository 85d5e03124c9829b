package dev.slipstream.media.ingest;

import java.awt.image.BufferedImage;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ObjLongConsumer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * One step of the synthetic source: draw the scene at the clock's time, encode it, packetise it,
 * and catch the audio up to the same moment. RTP time follows the clock from the first frame, so
 * the picture's burned-in clock and the packets' timestamps agree. Owned by the source's thread.
 */
final class SyntheticFrames implements AutoCloseable {
  static final int FPS = 30;
  static final int KEYFRAME_INTERVAL = 2 * FPS;
  static final int VIDEO_BITRATE = 1_500_000;
  static final int AUDIO_BITRATE = 32_000;

  private final ObjLongConsumer<BufferedImage> scene;
  private final H264Encoder video;
  private final @Nullable OpusEncoder audio;
  private final H264Packetizer videoPackets;
  private final OpusPacketizer audioPackets;
  private final InstantSource clock;
  private final RtpSink sink;
  private final BufferedImage frame =
      new BufferedImage(TrackScene.WIDTH, TrackScene.HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
  private final AtomicBoolean keyframeWanted = new AtomicBoolean();
  private long startMillis = -1;
  private long audioSamples;
  private long audioSent;
  private volatile long frames;

  SyntheticFrames(InstantSource clock, RandomGenerator random, boolean withAudio, RtpSink sink) {
    this(clock, random, withAudio, sink, new TrackScene(random));
  }

  /** The same with another picture; the clock is stamped over whatever the scene draws. */
  SyntheticFrames(
      InstantSource clock,
      RandomGenerator random,
      boolean withAudio,
      RtpSink sink,
      ObjLongConsumer<BufferedImage> scene) {
    this.clock = clock;
    this.sink = sink;
    this.scene = scene;
    this.videoPackets = new H264Packetizer(IngestCodecs.H264_PAYLOAD_TYPE, random);
    this.audioPackets = new OpusPacketizer(IngestCodecs.OPUS_PAYLOAD_TYPE, random);
    this.video =
        new H264Encoder(TrackScene.WIDTH, TrackScene.HEIGHT, FPS, VIDEO_BITRATE, KEYFRAME_INTERVAL);
    OpusEncoder opus = null;
    try {
      opus = withAudio ? new OpusEncoder(AUDIO_BITRATE) : null;
    } catch (RuntimeException e) {
      video.close();
      throw e;
    }
    this.audio = opus;
  }

  /** Makes the next frame an IDR; safe from any thread. */
  void requestKeyframe() {
    keyframeWanted.set(true);
  }

  long frames() {
    return frames;
  }

  /** Draws, encodes and sends the next frame, and the audio up to now. */
  void next() {
    long now = clock.millis();
    if (startMillis < 0) {
      startMillis = now;
    }
    scene.accept(frame, now);
    java.awt.Graphics2D g = frame.createGraphics();
    try {
      ClockPattern.draw(g, now);
    } finally {
      g.dispose();
    }
    boolean keyframe = frames % KEYFRAME_INTERVAL == 0 | keyframeWanted.getAndSet(false);
    byte[] accessUnit = video.encode(frame, frames, keyframe);
    long elapsed = now - startMillis;
    if (accessUnit.length > 0) {
      videoPackets.packetize(accessUnit, accessUnit.length, elapsed * 90, sink);
    }
    frames++;
    if (audio != null) {
      while (audioSamples * 1000 / OpusPacketizer.CLOCK_RATE <= elapsed) {
        long at = startMillis + audioSamples * 1000 / OpusPacketizer.CLOCK_RATE;
        for (byte[] packet : audio.encode(BeepTone.frame(at, audioSamples), audioSamples)) {
          audioPackets.packetize(packet, packet.length, audioSent, sink);
          audioSent += OpusEncoder.FRAME_SAMPLES;
        }
        audioSamples += OpusEncoder.FRAME_SAMPLES;
      }
    }
  }

  @Override
  public void close() {
    video.close();
    if (audio != null) {
      audio.close();
    }
  }
}
