package dev.slipstream.media.sdp;

import java.util.Map;

/**
 * The one codec a media section carries, as the remote peer numbers it.
 *
 * @param payloadType the RTP payload type the remote peer uses for it (0 to 127)
 * @param name the encoding name as the remote peer spells it, e.g. {@code H264}, {@code VP8},
 *     {@code opus}
 * @param clockRate the RTP clock in Hz (90000 for video, 48000 for Opus)
 * @param channels audio channels (2 for Opus), 1 for video
 * @param fmtp the format parameters in the answer, keys lower-case, e.g. {@code
 *     packetization-mode=1}, {@code profile-level-id=42e01f}
 */
public record NegotiatedCodec(
    int payloadType, String name, int clockRate, int channels, Map<String, String> fmtp) {

  /** Copies the parameters so the record stays immutable. */
  public NegotiatedCodec {
    fmtp = Map.copyOf(fmtp);
  }

  /** Tells whether this is the named codec, ignoring case ({@code h264} is {@code H264}). */
  public boolean is(String codecName) {
    return name.equalsIgnoreCase(codecName);
  }
}
