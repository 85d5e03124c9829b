package dev.slipstream.media.rtp;

/** What a packet means to a decoder that starts from nothing, as {@link KeyframeDetector} says. */
public enum PacketKind {
  /**
   * Decoding can begin here if this is the first packet of its frame: H.264 SPS or IDR start, VP8
   * keyframe start; every Opus packet.
   */
  KEYFRAME_START,
  /** Precedes a picture without being one (H.264 access unit delimiter or SEI only). */
  PREFIX,
  /** Anything else: the rest of a frame, or a frame that needs earlier ones. */
  OTHER
}
