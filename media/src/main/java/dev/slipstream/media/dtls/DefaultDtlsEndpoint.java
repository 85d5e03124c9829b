package dev.slipstream.media.dtls;

import dev.slipstream.media.srtp.DtlsRole;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/** {@link DtlsEndpoint} over BouncyCastle's low-level DTLS API. */
final class DefaultDtlsEndpoint implements DtlsEndpoint {
  private final DtlsSettings settings;
  private final SelfSignedCertificate certificate;
  private final BcTlsCrypto crypto;
  private final DtlsMetrics metrics;

  DefaultDtlsEndpoint(
      DtlsSettings settings,
      SelfSignedCertificate certificate,
      SecureRandom random,
      DtlsMetrics metrics) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.certificate = Objects.requireNonNull(certificate, "certificate");
    this.crypto = new BcTlsCrypto(Objects.requireNonNull(random, "random"));
    this.metrics = metrics;
  }

  @Override
  public CertificateFingerprint fingerprint() {
    return certificate.fingerprint();
  }

  @Override
  public DtlsSession accept(
      String name, List<CertificateFingerprint> remoteFingerprints, Consumer<byte[]> sendToPeer) {
    HandshakeDeadline deadline = HandshakeDeadline.after(settings.handshakeTimeout());
    SrtpHandshakeState state = checkedState(name, remoteFingerprints, sendToPeer);
    SrtpTlsServer server = new SrtpTlsServer(crypto, certificate, state, deadline, settings);
    return ThreadedDtlsSession.start(
        name,
        DtlsRole.SERVER,
        transport -> new DTLSServerProtocol().accept(server, transport),
        state,
        transportTo(sendToPeer),
        deadline,
        metrics);
  }

  @Override
  public DtlsSession connect(
      String name, List<CertificateFingerprint> remoteFingerprints, Consumer<byte[]> sendToPeer) {
    HandshakeDeadline deadline = HandshakeDeadline.after(settings.handshakeTimeout());
    SrtpHandshakeState state = checkedState(name, remoteFingerprints, sendToPeer);
    SrtpTlsClient client = new SrtpTlsClient(crypto, certificate, state, deadline, settings);
    return ThreadedDtlsSession.start(
        name,
        DtlsRole.CLIENT,
        transport -> new DTLSClientProtocol().connect(client, transport),
        state,
        transportTo(sendToPeer),
        deadline,
        metrics);
  }

  private static SrtpHandshakeState checkedState(
      String name, List<CertificateFingerprint> remoteFingerprints, Consumer<byte[]> sendToPeer) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sendToPeer, "sendToPeer");
    if (remoteFingerprints.isEmpty()) {
      throw new IllegalArgumentException(
          "a DTLS session needs the peer's SDP fingerprint; none was given for " + name);
    }
    return new SrtpHandshakeState(FingerprintCheck.of(remoteFingerprints));
  }

  private QueuedDatagramTransport transportTo(Consumer<byte[]> sendToPeer) {
    return new QueuedDatagramTransport(settings, sendToPeer, metrics::droppedDatagram);
  }
}
