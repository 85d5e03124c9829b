package dev.slipstream.media.ingest;

import dev.slipstream.media.sfu.MediaServer;
import dev.slipstream.media.stream.StreamDirectory;
import java.util.random.RandomGenerator;

/**
 * Receives broadcasts from RTMP or SRT encoders (OBS, hardware encoders, FFmpeg) and publishes each
 * into the stream its key names, forwarding H.264 as it is and transcoding audio to Opus.
 *
 * <p>FFmpeg accepts one connection per listen, so a listener serves one publisher at a time and
 * listens again when it leaves; run one listener per port. A publisher with a wrong key, a stream
 * that cannot go live, or media that cannot be forwarded (HEVC, B-frames) is refused with one log
 * line and counted in {@link #counts()}; the listener goes on listening.
 */
public interface IngestListener extends AutoCloseable {

  /**
   * Listens for RTMP publishers on {@code host:port}; they publish to {@code
   * rtmp://<host>:<port>/live/<publish key>} (any application name is accepted).
   *
   * @param random makes SSRCs and sequence starts; cryptographically strong outside tests
   * @throws java.io.UncheckedIOException when the port is already taken
   */
  static IngestListener rtmp(
      String host,
      int port,
      MediaServer server,
      StreamDirectory directory,
      RandomGenerator random) {
    return ListenerLoop.start(
        new RtmpFront(host, port),
        key -> directory.findByPublishKey(key).id(),
        server::publishLocal,
        random);
  }

  /**
   * Listens for SRT callers on UDP {@code host:port}; they call {@code
   * srt://<host>:<port>?streamid=<publish key>}, sending MPEG-TS. A relay owns the port and reads
   * the stream id from the caller's handshake; FFmpeg listens behind it on loopback.
   *
   * @param random makes SSRCs and sequence starts; cryptographically strong outside tests
   * @throws java.io.UncheckedIOException when the port is already taken
   */
  static IngestListener srt(
      String host,
      int port,
      MediaServer server,
      StreamDirectory directory,
      RandomGenerator random) {
    return ListenerLoop.start(
        new SrtFront(host, port),
        key -> directory.findByPublishKey(key).id(),
        server::publishLocal,
        random);
  }

  /** Returns the address publishers use, with {@code <publish key>} where the key goes. */
  String publishUrl();

  /** Returns how many publishers went live and how many were refused, by reason. */
  IngestCounts counts();

  /** Stops listening and ends the session of any publisher connected now. */
  @Override
  void close();
}
