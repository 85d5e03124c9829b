package dev.slipstream.media.rtp;

/** What {@link OutboundStreamRewriter#rewrite} did with a packet. */
public enum RewriteOutcome {
  /** Rewritten for the viewer: encrypt and send it. */
  FORWARDED,
  /**
   * Dropped: the viewer waits for a keyframe to start (or restart) on. Ask the publisher for one
   * with a PLI, rate-limited.
   */
  WAITING_FOR_KEYFRAME,
  /** Dropped: a late packet from before the keyframe the viewer started on, useless to it. */
  BEFORE_KEYFRAME,
  /**
   * Dropped: from another source than the one the viewer is on, which keeps going until a keyframe
   * of the new source arrives (a publisher that reconnected, or a simulcast layer switch).
   */
  OTHER_SOURCE
}
