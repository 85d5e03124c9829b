package dev.slipstream.media.sdp;

/**
 * A payload type's codec from {@code a=rtpmap:<pt> <name>/<clock>[/<channels>]}.
 *
 * @param name the encoding name as the offer spells it
 * @param clockRate the RTP clock in Hz
 * @param channels audio channels, 1 when not given
 */
record RtpMap(String name, int clockRate, int channels) {

  boolean is(String codec, int clock) {
    return name.equalsIgnoreCase(codec) && clockRate == clock;
  }
}
