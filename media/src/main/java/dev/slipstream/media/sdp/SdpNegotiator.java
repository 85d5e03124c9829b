package dev.slipstream.media.sdp;

import dev.slipstream.platform.InvalidInputException;
import java.util.random.RandomGenerator;

/**
 * Answers WebRTC offers for the SFU: a publisher's over WHIP, a viewer's over WHEP. The answers
 * make us an ICE-lite peer ({@code a=ice-lite}) and the DTLS server ({@code a=setup:passive}) — or
 * the DTLS client ({@code a=setup:active}) when the offer says {@code a=setup:passive}, as FFmpeg's
 * whip muxer does; {@link Negotiation#dtlsRole()} tells which — with RTCP multiplexed on the RTP
 * port and every accepted section on one BUNDLE transport, and carry exactly one codec per section.
 *
 * <p>Bad offers get an {@link InvalidInputException} whose code is {@code invalid_sdp} (with the
 * line number where there is one), {@code no_supported_codec} (WHIP) or {@code no_compatible_codec}
 * (WHEP), and a sentence saying what is wrong. Offers are at most 64 KiB and 64 media sections.
 *
 * <p>Instances are safe for concurrent use.
 */
public interface SdpNegotiator {

  /**
   * Returns a negotiator.
   *
   * @param random source of ICE credentials and answer session ids; a {@link
   *     java.security.SecureRandom} in production, a seeded generator in tests
   */
  static SdpNegotiator create(RandomGenerator random) {
    return new JsepNegotiator(random);
  }

  /**
   * Answers a publisher's WHIP offer. The first audio and first video section that send ({@code
   * sendonly} or {@code sendrecv}) are accepted {@code recvonly}; video takes H.264 with
   * packetization-mode 1 (constrained baseline 42e01f first, then other H.264), else VP8; audio
   * takes opus/48000/2. Every other section is rejected with port 0.
   *
   * @param offerSdp the offer as the client posted it, CRLF or LF line endings
   * @param local our ICE credentials, certificate fingerprint and candidates for this session
   * @throws InvalidInputException {@code invalid_sdp} for a malformed offer, missing ICE
   *     credentials or fingerprint, {@code a=setup:holdconn}, no {@code a=rtcp-mux}, sections not
   *     bundled, or nothing sent; {@code no_supported_codec} when a sending audio or video section
   *     offers no codec we take
   */
  Negotiation answerPublisher(String offerSdp, LocalTransport local);

  /**
   * Answers a viewer's WHEP offer. The first audio and first video section that receive ({@code
   * recvonly} or {@code sendrecv}) are accepted {@code sendonly} when the stream has that kind,
   * under the viewer's payload type for the codec the publisher sends; they declare our SSRCs with
   * {@code a=ssrc cname} and {@code a=msid}. Every other section is rejected with port 0.
   *
   * @param offerSdp the offer as the client posted it, CRLF or LF line endings
   * @param stream the codecs the publisher sends, see {@link StreamCodecs#of(Negotiation)}
   * @param local our ICE credentials, certificate fingerprint and candidates for this session
   * @param ssrcs the SSRCs and names we send this viewer under
   * @throws InvalidInputException {@code invalid_sdp} as for publishers, or when nothing is
   *     received; {@code no_compatible_codec} when a receiving section cannot take the stream's
   *     codec, or the offer receives only kinds the stream lacks
   */
  Negotiation answerViewer(
      String offerSdp, StreamCodecs stream, LocalTransport local, SendSsrcs ssrcs);

  /** Draws fresh ICE credentials for a new session from this negotiator's random source. */
  IceCredentials newIceCredentials();
}
