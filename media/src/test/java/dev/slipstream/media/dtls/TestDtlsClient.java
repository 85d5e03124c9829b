package dev.slipstream.media.dtls;

import dev.slipstream.media.srtp.SrtpKeyMaterial;
import dev.slipstream.media.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * A browser stand-in: a BouncyCastle DTLS 1.2 client with its own self-signed certificate that
 * offers use_srtp with the given profiles (none: no extension) and exports the SRTP keys.
 */
final class TestDtlsClient extends DefaultTlsClient {
  private final BcTlsCrypto crypto;
  private final SelfSignedCertificate certificate;
  private final int[] offeredProfiles;
  volatile byte[] serverCertificate = new byte[0];
  volatile int selectedProfile = -1;
  volatile SrtpKeyMaterial keys;
  volatile boolean receivedCloseNotify;
  volatile boolean rejectServerCertificate;

  TestDtlsClient(BcTlsCrypto crypto, SelfSignedCertificate certificate, int... offeredProfiles) {
    super(crypto);
    this.crypto = crypto;
    this.certificate = certificate;
    this.offeredProfiles = offeredProfiles;
  }

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return ProtocolVersion.DTLSv12.only();
  }

  @Override
  public int getHandshakeResendTimeMillis() {
    return 50;
  }

  @Override
  public int getHandshakeTimeoutMillis() {
    return 10_000;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Hashtable getClientExtensions() throws IOException {
    Hashtable extensions = super.getClientExtensions();
    if (offeredProfiles.length > 0) {
      TlsSRTPUtils.addUseSRTPExtension(
          extensions, new UseSRTPData(offeredProfiles, TlsUtils.EMPTY_BYTES));
    }
    return extensions;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public void processServerExtensions(Hashtable serverExtensions) throws IOException {
    super.processServerExtensions(serverExtensions);
    UseSRTPData chosen = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
    if (chosen != null) {
      selectedProfile = chosen.getProtectionProfiles()[0];
    }
  }

  @Override
  public TlsAuthentication getAuthentication() {
    return new TlsAuthentication() {
      @Override
      public void notifyServerCertificate(TlsServerCertificate server) throws IOException {
        serverCertificate = server.getCertificate().getCertificateAt(0).getEncoded();
        if (rejectServerCertificate) {
          throw new TlsFatalAlert(AlertDescription.bad_certificate);
        }
      }

      @Override
      public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
        return certificate.signer(context, crypto);
      }
    };
  }

  @Override
  public void notifyHandshakeComplete() throws IOException {
    super.notifyHandshakeComplete();
    SrtpProfile profile = SrtpProfile.fromDtlsId(selectedProfile).orElseThrow();
    keys =
        SrtpKeyMaterial.fromDtlsExporter(
            profile,
            context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, profile.exporterLength()));
  }

  @Override
  public void notifyAlertReceived(short alertLevel, short alertDescription) {
    if (alertDescription == AlertDescription.close_notify) {
      receivedCloseNotify = true;
    }
  }
}
