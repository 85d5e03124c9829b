package dev.slipstream.media.dtls;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Consumer;

/**
 * The SFU's side of DTLS-SRTP (RFC 5764, RFC 8827): one per process, holding our certificate,
 * starting one {@link DtlsSession} per peer connection. We are the DTLS server unless the peer's
 * offer insists on being the server itself ({@code a=setup:passive}, as FFmpeg's whip muxer does);
 * then we are the client. Either way the same certificate, SRTP profiles, fingerprint check,
 * timeouts and meters apply.
 *
 * <p>Meters: {@code slipstream.dtls.handshakes} counts finished handshakes, tagged {@code outcome}
 * = {@code established} or a {@link DtlsFailure#tag()}; {@code slipstream.dtls.datagrams.dropped}
 * counts datagrams dropped because a session's queue was full.
 */
public interface DtlsEndpoint {

  /**
   * Creates the endpoint.
   *
   * @param settings timeouts and sizes
   * @param certificate our certificate; its fingerprint goes in every SDP answer
   * @param random randomness for handshakes (client and server randoms, ECDHE keys)
   * @param meters where handshake outcomes and drops are counted
   */
  static DtlsEndpoint create(
      DtlsSettings settings,
      DtlsCertificate certificate,
      SecureRandom random,
      MeterRegistry meters) {
    return switch (certificate) {
      case SelfSignedCertificate own ->
          new DefaultDtlsEndpoint(settings, own, random, new DtlsMetrics(meters));
    };
  }

  /** Returns the fingerprint of our certificate, for {@code a=fingerprint:} in our SDP answer. */
  CertificateFingerprint fingerprint();

  /**
   * Starts a DTLS server session for one peer: its thread waits for the ClientHello at once, so
   * call this as soon as the answer is sent, before ICE has finished, and no early record is lost.
   * {@link DtlsSession#peerReachable()} does nothing here.
   *
   * @param name what logs and the thread call this session, e.g. the peer connection's id
   * @param remoteFingerprints the {@code a=fingerprint:} values of the peer's SDP; the peer's
   *     certificate must match one of those with the strongest hash offered
   * @param sendToPeer sends one datagram to the peer; called on the session's thread, so it must be
   *     thread-safe and must not block for long
   * @return the running session
   * @throws IllegalArgumentException if {@code remoteFingerprints} is empty
   */
  DtlsSession accept(
      String name, List<CertificateFingerprint> remoteFingerprints, Consumer<byte[]> sendToPeer);

  /**
   * Starts a DTLS client session for one peer that wants to be the DTLS server. Its thread sends
   * the ClientHello once {@link DtlsSession#peerReachable()} is called, so call this as the answer
   * is sent and {@code peerReachable()} when ICE has a path; the handshake timeout counts from
   * here, so a peer ICE never reaches fails with {@link DtlsFailure#TIMEOUT}. The client offers
   * use_srtp with every {@link dev.slipstream.media.srtp.SrtpProfile}, sends our certificate when
   * asked, and checks the server's certificate against {@code remoteFingerprints}.
   *
   * @param name what logs and the thread call this session, e.g. the peer connection's id
   * @param remoteFingerprints the {@code a=fingerprint:} values of the peer's SDP; the peer's
   *     certificate must match one of those with the strongest hash offered
   * @param sendToPeer sends one datagram to the peer; called on the session's thread, so it must be
   *     thread-safe and must not block for long
   * @return the running session, waiting for {@link DtlsSession#peerReachable()}
   * @throws IllegalArgumentException if {@code remoteFingerprints} is empty
   */
  DtlsSession connect(
      String name, List<CertificateFingerprint> remoteFingerprints, Consumer<byte[]> sendToPeer);
}
