package dev.slipstream.media.decode;

/**
 * One compressed video frame rebuilt from RTP: an H.264 access unit in Annex B (each NAL unit after
 * a 4-byte start code) or a whole VP8 frame.
 *
 * @param data the frame's bytes, as a decoder takes them
 * @param rtpTimestamp the RTP timestamp all its packets carried
 * @param keyframe whether a decoder can start here
 */
public record EncodedFrame(byte[] data, long rtpTimestamp, boolean keyframe) {}
