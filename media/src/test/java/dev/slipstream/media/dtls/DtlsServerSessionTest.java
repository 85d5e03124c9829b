package dev.slipstream.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.media.srtp.DtlsRole;
import dev.slipstream.media.srtp.SrtpFailure;
import dev.slipstream.media.srtp.SrtpProfile;
import dev.slipstream.media.srtp.SrtpSession;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DtlsServerSessionTest {
  private static final InstantSource CLOCK =
      InstantSource.fixed(Instant.parse("2026-11-24T10:00:00Z"));
  private static final DtlsSettings FAST =
      new DtlsSettings(Duration.ofSeconds(10), Duration.ofMillis(50), 1200, 64);
  private static final int GCM = SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM;
  private static final int CM_80 = SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80;
  private static final int CM_32 = SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_32;

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final SelfSignedCertificate serverCertificate = certificate(1);
  private final SelfSignedCertificate clientCertificate = certificate(2);
  private final ExecutorService clientThreads = Executors.newVirtualThreadPerTaskExecutor();
  private boolean clientRejectsOurCertificate;

  @AfterEach
  void stopClients() {
    clientThreads.shutdownNow();
  }

  @Test
  void bothSidesDeriveTheSameSrtpKeysAndGcmIsPreferredOverAesCm() throws Exception {
    Handshake h =
        handshake(FAST, DatagramPipe.lossless(), clientCertificate.fingerprint(), CM_80, GCM);

    DtlsOutcome.Established server = (DtlsOutcome.Established) h.serverOutcome();
    h.clientDone().get(5, TimeUnit.SECONDS);
    assertThat(server.keys().profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
    assertThat(server.keys()).isEqualTo(h.client().keys);
    assertThat(server.peerFingerprint()).isEqualTo(clientCertificate.fingerprint());
    assertThat(CertificateFingerprint.of("sha-256", h.client().serverCertificate))
        .isEqualTo(h.endpoint().fingerprint());
    assertThat(handshakes("established")).isEqualTo(1);
  }

  @Test
  void aPeerOfferingOnlyAesCmGetsAesCm() throws Exception {
    Handshake h =
        handshake(FAST, DatagramPipe.lossless(), clientCertificate.fingerprint(), CM_32, CM_80);

    DtlsOutcome.Established server = (DtlsOutcome.Established) h.serverOutcome();
    h.clientDone().get(5, TimeUnit.SECONDS);
    assertThat(server.keys().profile()).isEqualTo(SrtpProfile.AES128_CM_HMAC_SHA1_80);
    assertThat(h.client().selectedProfile).isEqualTo(CM_80);
    assertThat(server.keys()).isEqualTo(h.client().keys);
  }

  @Test
  void theHandshakeRecoversFromLostDatagramsInBothDirections() throws Exception {
    // Lose the first and the fourth datagram each way, so each side must resend a flight.
    DatagramPipe lossy = new DatagramPipe(n -> n == 1 || n == 4, n -> n == 2 || n == 4);

    Handshake h = handshake(FAST, lossy, clientCertificate.fingerprint(), GCM);

    assertThat(h.serverOutcome()).isInstanceOf(DtlsOutcome.Established.class);
    h.clientDone().get(5, TimeUnit.SECONDS);
    assertThat(((DtlsOutcome.Established) h.serverOutcome()).keys()).isEqualTo(h.client().keys);
    assertThat(lossy.lost()).isEqualTo(4);
  }

  @Test
  void keysFromTheHandshakeCarryMediaFromTheBrowserToTheSfu() throws Exception {
    Handshake h =
        handshake(FAST, DatagramPipe.lossless(), clientCertificate.fingerprint(), GCM, CM_80);
    DtlsOutcome.Established server = (DtlsOutcome.Established) h.serverOutcome();
    h.clientDone().get(5, TimeUnit.SECONDS);

    try (SrtpSession browser = SrtpSession.create(h.client().keys, DtlsRole.CLIENT);
        SrtpSession sfu = SrtpSession.create(server.keys(), DtlsRole.SERVER)) {
      byte[] rtp = new byte[200];
      rtp[0] = (byte) 0x80;
      rtp[1] = 96;
      rtp[11] = 42;
      Arrays.fill(rtp, 12, 100, (byte) 7);
      byte[] packet = rtp.clone();

      int sent = browser.protectRtp(packet, 0, 100);
      byte[] replay = packet.clone();
      int received = sfu.unprotectRtp(packet, 0, sent);

      assertThat(received).isEqualTo(100);
      assertThat(Arrays.copyOf(packet, 100)).isEqualTo(Arrays.copyOf(rtp, 100));
      assertThat(SrtpFailure.fromResult(sfu.unprotectRtp(replay, 0, sent)))
          .isEqualTo(SrtpFailure.REPLAYED);
    }
  }

  @Test
  void aCertificateThatDoesNotMatchTheSdpFingerprintFailsTheHandshake() throws Exception {
    CertificateFingerprint someoneElse = certificate(3).fingerprint();

    Handshake h = handshake(FAST, DatagramPipe.lossless(), someoneElse, GCM);

    DtlsOutcome.Failed failed = (DtlsOutcome.Failed) h.serverOutcome();
    assertThat(failed.reason()).isEqualTo(DtlsFailure.FINGERPRINT_MISMATCH);
    assertThat(failed.detail())
        .contains(clientCertificate.fingerprint().value())
        .contains(someoneElse.value());
    assertThat(h.session().closed().get(5, TimeUnit.SECONDS))
        .isEqualTo(DtlsClosure.HANDSHAKE_FAILED);
    assertThatThrownBy(() -> h.clientDone().get(5, TimeUnit.SECONDS))
        .hasRootCauseInstanceOf(TlsFatalAlertReceived.class);
    assertThat(handshakes("fingerprint_mismatch")).isEqualTo(1);
    assertThat(handshakes("established")).isZero();
  }

  @Test
  void aWeakerFingerprintCannotStandInForAStrongerOneThatDoesNotMatch() throws Exception {
    List<CertificateFingerprint> offered =
        List.of(
            CertificateFingerprint.of("sha-1", clientCertificate.encoded()),
            certificate(4).fingerprint());

    Handshake h = handshake(FAST, DatagramPipe.lossless(), offered, GCM);

    assertThat(((DtlsOutcome.Failed) h.serverOutcome()).reason())
        .isEqualTo(DtlsFailure.FINGERPRINT_MISMATCH);
  }

  @Test
  void aSha512FingerprintIsAcceptedWhenItMatches() throws Exception {
    CertificateFingerprint sha512 =
        CertificateFingerprint.of("sha-512", clientCertificate.encoded());

    Handshake h = handshake(FAST, DatagramPipe.lossless(), List.of(sha512), GCM);

    assertThat(h.serverOutcome()).isInstanceOf(DtlsOutcome.Established.class);
  }

  @Test
  void aPeerThatRejectsOurCertificateFailsTheHandshakeWithItsAlert() throws Exception {
    clientRejectsOurCertificate = true;

    Handshake h = handshake(FAST, DatagramPipe.lossless(), clientCertificate.fingerprint(), GCM);

    DtlsOutcome.Failed failed = (DtlsOutcome.Failed) h.serverOutcome();
    assertThat(failed.reason()).isEqualTo(DtlsFailure.PEER_ALERT);
    assertThat(failed.detail()).contains("bad_certificate");
    assertThat(handshakes("peer_alert")).isEqualTo(1);
  }

  @Test
  void aPeerOfferingNoSrtpProfileWeSupportIsRefused() throws Exception {
    Handshake h = handshake(FAST, DatagramPipe.lossless(), clientCertificate.fingerprint(), CM_32);

    DtlsOutcome.Failed failed = (DtlsOutcome.Failed) h.serverOutcome();
    assertThat(failed.reason()).isEqualTo(DtlsFailure.NO_COMMON_SRTP_PROFILE);
    assertThat(failed.detail()).contains("0x0002");
    assertThat(handshakes("no_common_srtp_profile")).isEqualTo(1);
  }

  @Test
  void aPeerWithoutTheUseSrtpExtensionIsRefused() throws Exception {
    Handshake h = handshake(FAST, DatagramPipe.lossless(), clientCertificate.fingerprint());

    DtlsOutcome.Failed failed = (DtlsOutcome.Failed) h.serverOutcome();
    assertThat(failed.reason()).isEqualTo(DtlsFailure.NO_COMMON_SRTP_PROFILE);
    assertThat(failed.detail()).contains("no use_srtp");
  }

  @Test
  void noClientHelloWithinTheHandshakeTimeoutFailsWithTimeout() throws Exception {
    DtlsSettings impatient =
        new DtlsSettings(Duration.ofMillis(300), Duration.ofMillis(50), 1200, 64);
    DtlsEndpoint endpoint = endpoint(impatient);

    DtlsSession session =
        endpoint.accept("silent-peer", List.of(clientCertificate.fingerprint()), d -> {});

    DtlsOutcome.Failed failed = (DtlsOutcome.Failed) session.handshake().get(5, TimeUnit.SECONDS);
    assertThat(failed.reason()).isEqualTo(DtlsFailure.TIMEOUT);
    assertThat(session.closed().get(5, TimeUnit.SECONDS)).isEqualTo(DtlsClosure.HANDSHAKE_FAILED);
    assertThat(handshakes("timeout")).isEqualTo(1);
  }

  @Test
  void closingBeforeTheHandshakeFinishesFailsItAsClosedLocally() throws Exception {
    DtlsSession session =
        endpoint(FAST).accept("leaving-early", List.of(clientCertificate.fingerprint()), d -> {});

    session.close();

    DtlsOutcome.Failed failed = (DtlsOutcome.Failed) session.handshake().get(5, TimeUnit.SECONDS);
    assertThat(failed.reason()).isEqualTo(DtlsFailure.CLOSED_LOCALLY);
    assertThat(session.closed().get(5, TimeUnit.SECONDS)).isEqualTo(DtlsClosure.HANDSHAKE_FAILED);
  }

  @Test
  void aPeersCloseNotifyEndsTheSession() throws Exception {
    Handshake h = handshake(FAST, DatagramPipe.lossless(), clientCertificate.fingerprint(), GCM);
    DTLSTransport client = h.clientDone().get(5, TimeUnit.SECONDS);

    client.close();

    assertThat(h.session().closed().get(5, TimeUnit.SECONDS))
        .isEqualTo(DtlsClosure.PEER_CLOSE_NOTIFY);
  }

  @Test
  void closingAnEstablishedSessionSendsCloseNotifyToThePeer() throws Exception {
    Handshake h = handshake(FAST, DatagramPipe.lossless(), clientCertificate.fingerprint(), GCM);
    DTLSTransport client = h.clientDone().get(5, TimeUnit.SECONDS);

    h.session().close();

    assertThat(h.session().closed().get(5, TimeUnit.SECONDS)).isEqualTo(DtlsClosure.LOCAL_CLOSE);
    byte[] buf = new byte[1500];
    for (int i = 0; i < 20 && !h.client().receivedCloseNotify; i++) {
      client.receive(buf, 0, buf.length, 100);
    }
    assertThat(h.client().receivedCloseNotify).isTrue();
  }

  private record Handshake(
      DtlsEndpoint endpoint,
      DtlsSession session,
      TestDtlsClient client,
      CompletableFuture<DTLSTransport> clientDone,
      DtlsOutcome serverOutcome) {}

  private Handshake handshake(
      DtlsSettings settings, DatagramPipe pipe, CertificateFingerprint expected, int... profiles)
      throws Exception {
    return handshake(settings, pipe, List.of(expected), profiles);
  }

  private Handshake handshake(
      DtlsSettings settings,
      DatagramPipe pipe,
      List<CertificateFingerprint> expected,
      int... profiles)
      throws Exception {
    DtlsEndpoint endpoint = endpoint(settings);
    DtlsSession session = endpoint.accept("test-peer", expected, pipe.sessionSends());
    pipe.connect(session);
    TestDtlsClient client =
        new TestDtlsClient(new BcTlsCrypto(seeded(10)), clientCertificate, profiles);
    client.rejectServerCertificate = clientRejectsOurCertificate;
    CompletableFuture<DTLSTransport> clientDone =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new DTLSClientProtocol().connect(client, pipe.peerTransport());
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            clientThreads);
    DtlsOutcome outcome = session.handshake().get(10, TimeUnit.SECONDS);
    return new Handshake(endpoint, session, client, clientDone, outcome);
  }

  private DtlsEndpoint endpoint(DtlsSettings settings) {
    return DtlsEndpoint.create(settings, serverCertificate, seeded(20), meters);
  }

  private double handshakes(String outcome) {
    return meters.get("slipstream.dtls.handshakes").tag("outcome", outcome).counter().count();
  }

  private static SelfSignedCertificate certificate(long seed) {
    return SelfSignedCertificate.generate(CLOCK, seeded(seed));
  }

  static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
