package dev.slipstream.media.rtp;

/**
 * Why a datagram was dropped as malformed RTP or RTCP; each one is counted in {@link DropCounts}.
 */
public enum DropReason {
  /** Shorter than the 12-byte fixed RTP header. */
  RTP_TOO_SHORT,
  /** The RTP version field is not 2. */
  RTP_BAD_VERSION,
  /** The CSRC count names more identifiers than the packet holds. */
  RTP_CSRC_BEYOND_END,
  /** The header extension's length runs past the end of the packet. */
  RTP_EXTENSION_BEYOND_END,
  /** The padding count is zero or larger than the payload it pads. */
  RTP_BAD_PADDING,
  /** Shorter than a 4-byte RTCP header, or an empty compound packet. */
  RTCP_TOO_SHORT,
  /** An RTCP packet's version field is not 2. */
  RTCP_BAD_VERSION,
  /** An RTCP packet's length field runs past the end of the compound packet. */
  RTCP_LENGTH_BEYOND_END,
  /** An RTCP packet's padding count is zero or larger than its body. */
  RTCP_BAD_PADDING,
  /** An RTCP packet's counts (report blocks, chunks, FCI entries) do not fit its length. */
  RTCP_BODY_TOO_SHORT
}
