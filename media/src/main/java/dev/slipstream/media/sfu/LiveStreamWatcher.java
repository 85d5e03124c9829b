package dev.slipstream.media.sfu;

/**
 * Hears when streams start and stop being live on this media server, for work that runs per live
 * stream (the vision pipeline, thumbnails). Called on the media plane's own event thread, one call
 * at a time, in the order things happened; a slow watcher delays only other watchers.
 */
public interface LiveStreamWatcher {

  /** A stream got its first publisher (it was not live, or in reconnect grace, before). */
  void streamLive(String streamId);

  /**
   * A stream's live session ended: its publisher left and the reconnect grace ran out, or it
   * unpublished; its taps are closed already.
   */
  void streamIdle(String streamId);
}
