package dev.slipstream.media.sfu;

/**
 * A publisher running inside this process. Closing it ends its session like a WHIP {@code DELETE}:
 * the stream goes idle and its viewers stop.
 */
public interface LocalPublisher extends AutoCloseable {
  /**
   * Hands one plain RTP packet (payload types and clock rates as negotiated in the codecs given at
   * start) to the stream's viewers; the array is copied, so the caller may reuse it.
   */
  void send(byte[] packet, int length);

  /** Returns the session id. */
  String sessionId();

  /** Ends the session. */
  @Override
  void close();
}
