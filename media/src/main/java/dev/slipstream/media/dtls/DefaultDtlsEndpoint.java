package dev.slipstream.media.dtls;

import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
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
  public DtlsServerSession accept(
      String name, List<CertificateFingerprint> remoteFingerprints, Consumer<byte[]> sendToPeer) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sendToPeer, "sendToPeer");
    if (remoteFingerprints.isEmpty()) {
      throw new IllegalArgumentException(
          "a DTLS session needs the peer's SDP fingerprint; none was given for " + name);
    }
    QueuedDatagramTransport transport =
        new QueuedDatagramTransport(settings, sendToPeer, metrics::droppedDatagram);
    SrtpTlsServer server =
        new SrtpTlsServer(crypto, certificate, FingerprintCheck.of(remoteFingerprints), settings);
    return ThreadedDtlsServerSession.start(name, server, transport, settings, metrics);
  }
}
