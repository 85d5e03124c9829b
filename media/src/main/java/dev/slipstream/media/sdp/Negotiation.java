package dev.slipstream.media.sdp;

import dev.slipstream.media.srtp.DtlsRole;
import java.util.List;
import java.util.Objects;
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
 * @param dtlsRole our end of the DTLS handshake: {@link DtlsRole#SERVER} (answered {@code
 *     a=setup:passive}) unless the offer said {@code a=setup:passive}, then {@link DtlsRole#CLIENT}
 *     (answered {@code a=setup:active})
 * @param media the accepted sections in offer order; rejected ones are left out
 */
public record Negotiation(
    String answerSdp,
    String remoteIceUfrag,
    String remoteIcePwd,
    String remoteFingerprintAlgorithm,
    String remoteFingerprintHex,
    DtlsRole dtlsRole,
    List<NegotiatedMedia> media) {

  /** Checks the role is there and copies the list so the record stays immutable. */
  public Negotiation {
    Objects.requireNonNull(dtlsRole, "dtlsRole");
    media = List.copyOf(media);
  }

  /** Returns the accepted section of a kind, if there is one (there is at most one of each). */
  public Optional<NegotiatedMedia> media(MediaKind kind) {
    return media.stream().filter(m -> m.kind() == kind).findFirst();
  }
}
