package dev.slipstream.media.decode;

/** A running decode tap on one stream; closing it stops its threads and ends its sink. */
public interface FrameTap extends AutoCloseable {

  /** The stream it taps. */
  String streamId();

  /** What it has done so far. */
  DecodeTapStats stats();

  /** Whether it has closed (by {@link #close()} or because the stream stopped being live). */
  boolean isClosed();

  @Override
  void close();
}
