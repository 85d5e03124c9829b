package dev.slipstream.media.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What differs between ingest protocols: where FFmpeg listens and how the key is learnt. */
interface ListenerFront extends AutoCloseable {
  /** Returns the protocol's name for logs and thread names. */
  String label();

  /** Returns the address publishers use, with {@code <publish key>} where the key goes. */
  String publishUrl();

  /** Returns the URL FFmpeg listens on. */
  String ffmpegUrl();

  /** Returns FFmpeg's options: listen, and probe little so the stream starts within a second. */
  Map<String, String> options();

  /** Returns the key the connected publisher presented, given the lines FFmpeg logged. */
  Optional<String> key(List<String> ffmpegLines);

  /** Forgets the publisher that just left. */
  void sessionEnded();

  @Override
  void close();
}
