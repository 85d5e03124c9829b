package dev.slipstream.media.ingest;

import dev.slipstream.media.sfu.MediaServer;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.random.RandomGenerator;

/**
 * Plays a clip (a file path or any URL FFmpeg opens) into a stream in real time, looping it for as
 * long as it runs. H.264 that WebRTC plays (Baseline, Main or High, no B-frames) is forwarded as it
 * is; anything else (MPEG-4, HEVC, H.264 with B-frames) is re-encoded as constrained baseline H.264
 * scaled to fit 640×360, which costs a few milliseconds of CPU a frame. Audio becomes Opus.
 */
public interface FileSource extends AutoCloseable {

  /**
   * Checks the clip and starts publishing it into stream {@code streamId} on its own thread, paced
   * by {@code clock}.
   *
   * @throws IngestRejectedException {@link IngestRejection#BROKEN_INPUT} when FFmpeg cannot read
   *     the clip, {@link IngestRejection#UNSUPPORTED_MEDIA} when it has no video it can decode
   * @throws dev.slipstream.platform.RejectedException as {@link MediaServer#publishLocal} does
   */
  static FileSource start(
      Path clip,
      MediaServer server,
      String streamId,
      String publishKey,
      InstantSource clock,
      RandomGenerator random) {
    return start(clip.toString(), server, streamId, publishKey, clock, random);
  }

  /**
   * Like {@link #start(Path, MediaServer, String, String, InstantSource, RandomGenerator)} for a
   * URL.
   */
  static FileSource start(
      String url,
      MediaServer server,
      String streamId,
      String publishKey,
      InstantSource clock,
      RandomGenerator random) {
    return LoopingFileSource.start(
        url,
        streamId,
        (codecs, keyframes) -> server.publishLocal(streamId, publishKey, codecs, keyframes),
        clock,
        Pacer.sleeping(clock),
        random);
  }

  /** Returns the stream it publishes into. */
  String streamId();

  /** Returns how many times the clip has started over. */
  long loops();

  /** Returns how many video frames it has sent. */
  long framesSent();

  /** Tells whether it is still playing (false after {@link #close()} or a fatal error). */
  boolean isRunning();

  /** Stops playing and ends the publishing session; the stream goes idle. */
  @Override
  void close();
}
