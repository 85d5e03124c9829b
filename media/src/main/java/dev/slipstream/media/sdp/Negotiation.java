package dev.slipstream.media.sdp;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of answering an offer: the answer to send back, and what the transport needs to reach
 * and check the remote peer.
 *
 * @param answerSdp the SDP answer, CRLF line endings, to return as {@code application/sdp}
 * @param remoteIceUfrag the remote ICE username fragment; STUN requests from the peer carry {@code
 *     <our ufrag>:<this>} as USERNAME
 * @param remoteIcePwd the remote ICE password
 * @param remoteFingerprintAlgorithm the hash of the remote DTLS certificate fingerprint
 * @param remoteFingerprintHex the fingerprint the remote DTLS certificate must match, upper-case
 *     colon-separated hex
 * @param media the accepted sections in offer order; rejected ones are left out
 */
public record Negotiation(
    String answerSdp,
    String remoteIceUfrag,
    String remoteIcePwd,
    String remoteFingerprintAlgorithm,
    String remoteFingerprintHex,
    List<NegotiatedMedia> media) {

  /** Copies the list so the record stays immutable. */
  public Negotiation {
    media = List.copyOf(media);
  }

  /** Returns the accepted section of a kind, if there is one (there is at most one of each). */
  public Optional<NegotiatedMedia> media(MediaKind kind) {
    return media.stream().filter(m -> m.kind() == kind).findFirst();
  }
}
