package dev.slipstream.media.ingest;

/** A publisher or file sends something the platform cannot forward, such as HEVC video. */
final class UnsupportedMediaException extends Exception {
  private static final long serialVersionUID = 1L;

  UnsupportedMediaException(String message) {
    super(message);
  }
}
