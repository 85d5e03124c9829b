package dev.slipstream.media.ingest;

import dev.slipstream.media.sdp.StreamCodecs;
import dev.slipstream.media.sfu.MediaServer;
import java.awt.image.BufferedImage;
import java.time.InstantSource;
import java.util.function.ObjLongConsumer;
import java.util.random.RandomGenerator;

/**
 * A test broadcast made in this process: four athletes running across a track at 640×360 and 30
 * fps, with the wall clock burned in as {@link ClockPattern}, encoded as constrained baseline H.264
 * (a keyframe every 2 s and whenever a viewer asks) with a 1.5 Mbit/s target (the plain scene needs
 * about 0.6), with Opus audio that pips at each second. It publishes through {@link
 * MediaServer#publishLocal} on its own thread.
 */
public interface SyntheticSource extends AutoCloseable {

  /** The codecs the source publishes (H.264 PT 96 42e01f, Opus PT 111). */
  StreamCodecs CODECS = IngestCodecs.SYNTHETIC;

  /**
   * Starts publishing into stream {@code streamId}; frames are paced by {@code clock} and drawn
   * with {@code random} (seed it for a repeatable race).
   *
   * @throws dev.slipstream.platform.NotFoundException {@code stream_not_found}
   * @throws dev.slipstream.platform.UnauthorizedException {@code invalid_publish_key}
   * @throws dev.slipstream.platform.ConflictException {@code stream_ended} or {@code
   *     stream_already_live}
   * @throws IllegalStateException when the FFmpeg build lacks the OpenH264 or Opus encoder
   */
  static SyntheticSource start(
      MediaServer server,
      String streamId,
      String publishKey,
      InstantSource clock,
      RandomGenerator random) {
    return start(server, streamId, publishKey, clock, random, new TrackScene(random));
  }

  /**
   * Starts publishing {@code scene}'s pictures instead of the built-in track: it draws each 640×360
   * {@code TYPE_3BYTE_BGR} frame for an epoch-millisecond time (on the source's thread), and the
   * clock pattern is stamped over its top-left corner.
   */
  static SyntheticSource start(
      MediaServer server,
      String streamId,
      String publishKey,
      InstantSource clock,
      RandomGenerator random,
      ObjLongConsumer<BufferedImage> scene) {
    return ThreadedSyntheticSource.start(
        streamId,
        (codecs, keyframes) -> server.publishLocal(streamId, publishKey, codecs, keyframes),
        clock,
        Pacer.sleeping(clock),
        random,
        scene);
  }

  /** Returns the stream it publishes into. */
  String streamId();

  /** Returns how many video frames it has sent. */
  long framesSent();

  /** Tells whether it is still sending (false after {@link #close()} or a fatal error). */
  boolean isRunning();

  /** Stops the source and ends its publishing session; the stream goes idle. */
  @Override
  void close();
}
