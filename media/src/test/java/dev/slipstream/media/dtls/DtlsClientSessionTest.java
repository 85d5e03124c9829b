package dev.slipstream.media.dtls;

import static dev.slipstream.media.dtls.DtlsServerSessionTest.seeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.media.srtp.DtlsRole;
import dev.slipstream.media.srtp.SrtpKeyMaterial;
import dev.slipstream.media.srtp.SrtpProfile;
import dev.slipstream.media.srtp.SrtpSession;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Our DTLS client, used for peers whose offer says {@code a=setup:passive} (FFmpeg's whip muxer):
 * against our own server session over a lossy in-memory network, and against a BouncyCastle server
 * shaped like FFmpeg's.
 */
class DtlsClientSessionTest {
  private static final InstantSource CLOCK =
      InstantSource.fixed(Instant.parse("2026-11-24T10:00:00Z"));
  private static final DtlsSettings FAST =
      new DtlsSettings(Duration.ofSeconds(10), Duration.ofMillis(50), 1200, 64);
  private static final int CM_80 = SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80;
  private static final int CM_32 = SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_32;

  private final SimpleMeterRegistry clientMeters = new SimpleMeterRegistry();
  private final SimpleMeterRegistry serverMeters = new SimpleMeterRegistry();
  private final SelfSignedCertificate sfuCertificate = certificate(31);
  private final SelfSignedCertificate peerCertificate = certificate(32);
  private final ExecutorService peerThreads = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void stopPeers() {
    peerThreads.shutdownNow();
  }

  @Test
  void ourClientAndOurServerDeriveTheSameKeysDespiteLossAndCarrySrtpBothWays() throws Exception {
    // The first ClientHello and the server's second datagram are lost, so both resend a flight.
    LossyLink toServer = new LossyLink(n -> n == 1 || n == 3);
    LossyLink toClient = new LossyLink(n -> n == 2);
    DtlsSession server =
        endpoint(serverMeters, peerCertificate, 40)
            .accept("publisher", List.of(sfuCertificate.fingerprint()), toClient);
    DtlsSession client =
        endpoint(clientMeters, sfuCertificate, 41)
            .connect("ffmpeg", List.of(peerCertificate.fingerprint()), toServer);
    toServer.connect(server);
    toClient.connect(client);

    client.peerReachable();

    DtlsOutcome.Established ours = established(client);
    DtlsOutcome.Established theirs = established(server);
    assertThat(ours.keys()).isEqualTo(theirs.keys());
    assertThat(ours.keys().profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
    assertThat(ours.peerFingerprint()).isEqualTo(peerCertificate.fingerprint());
    assertThat(theirs.peerFingerprint()).isEqualTo(sfuCertificate.fingerprint());
    assertThat(toServer.lost() + toClient.lost()).isEqualTo(3);
    assertCarriesSrtpBothWays(ours.keys(), theirs.keys());
    assertThat(handshakes(clientMeters, "established")).isEqualTo(1);
  }

  @Test
  void theClientHelloWaitsUntilThePeerIsReachable() throws Exception {
    LossyLink toServer = LossyLink.lossless();
    DtlsSession client =
        endpoint(clientMeters, sfuCertificate, 42)
            .connect("waiting", List.of(peerCertificate.fingerprint()), toServer);

    Thread.sleep(200); // several retransmission intervals: a started client would have sent by now
    assertThat(toServer.sent()).isEmpty();
    client.peerReachable();
    client.peerReachable();

    byte[] first = awaitFirstDatagram(toServer);
    assertThat(first[0]).as("DTLS content type").isEqualTo((byte) 22);
    assertThat(first[13]).as("handshake type client_hello").isEqualTo((byte) 1);
    client.close();
  }

  @Test
  void aPeerIceNeverReachesFailsWithTimeoutWithoutSendingAnything() throws Exception {
    DtlsSettings impatient =
        new DtlsSettings(Duration.ofMillis(300), Duration.ofMillis(50), 1200, 64);
    LossyLink toServer = LossyLink.lossless();
    DtlsSession client =
        DtlsEndpoint.create(impatient, sfuCertificate, seeded(43), clientMeters)
            .connect("unreachable", List.of(peerCertificate.fingerprint()), toServer);

    DtlsOutcome.Failed failed = (DtlsOutcome.Failed) client.handshake().get(5, TimeUnit.SECONDS);

    assertThat(failed.reason()).isEqualTo(DtlsFailure.TIMEOUT);
    assertThat(failed.detail())
        .isEqualTo("no path to the peer within 300 ms, so no ClientHello was sent");
    assertThat(client.closed().get(5, TimeUnit.SECONDS)).isEqualTo(DtlsClosure.HANDSHAKE_FAILED);
    assertThat(toServer.sent()).isEmpty();
    assertThat(handshakes(clientMeters, "timeout")).isEqualTo(1);
  }

  @Test
  void closingBeforeThePeerIsReachableFailsTheHandshakeAsClosedLocally() throws Exception {
    DtlsSession client =
        endpoint(clientMeters, sfuCertificate, 44)
            .connect("leaving", List.of(peerCertificate.fingerprint()), d -> {});

    client.close();

    DtlsOutcome.Failed failed = (DtlsOutcome.Failed) client.handshake().get(5, TimeUnit.SECONDS);
    assertThat(failed.reason()).isEqualTo(DtlsFailure.CLOSED_LOCALLY);
    assertThat(client.closed().get(5, TimeUnit.SECONDS)).isEqualTo(DtlsClosure.HANDSHAKE_FAILED);
  }

  @Test
  void aServerCertificateThatDoesNotMatchTheSdpFingerprintFailsBothEnds() throws Exception {
    CertificateFingerprint someoneElse = certificate(33).fingerprint();
    LossyLink toServer = LossyLink.lossless();
    LossyLink toClient = LossyLink.lossless();
    DtlsSession server =
        endpoint(serverMeters, peerCertificate, 45)
            .accept("publisher", List.of(sfuCertificate.fingerprint()), toClient);
    DtlsSession client =
        endpoint(clientMeters, sfuCertificate, 46)
            .connect("impostor", List.of(someoneElse), toServer);
    toServer.connect(server);
    toClient.connect(client);

    client.peerReachable();

    DtlsOutcome.Failed ours = (DtlsOutcome.Failed) client.handshake().get(10, TimeUnit.SECONDS);
    assertThat(ours.reason()).isEqualTo(DtlsFailure.FINGERPRINT_MISMATCH);
    assertThat(ours.detail())
        .contains(peerCertificate.fingerprint().value())
        .contains(someoneElse.value());
    DtlsOutcome.Failed theirs = (DtlsOutcome.Failed) server.handshake().get(10, TimeUnit.SECONDS);
    assertThat(theirs.reason()).isEqualTo(DtlsFailure.PEER_ALERT);
    assertThat(theirs.detail()).contains("bad_certificate");
    assertThat(handshakes(clientMeters, "fingerprint_mismatch")).isEqualTo(1);
    assertThat(handshakes(clientMeters, "established")).isZero();
  }

  /**
   * FFmpeg 8's whip muxer loses our first two ClientHellos: one reaches it before our STUN response
   * (its ICE loop ignores DTLS until then), and its ICE loop reads the next itself and only then
   * lets OpenSSL read the socket. Our retransmissions are what its server answers.
   */
  @Test
  void anFfmpegLikeServerGetsOurRetransmittedClientHelloAndTheKeysMatch() throws Exception {
    TestDtlsServer ffmpeg = TestDtlsServer.ffmpegLike(seeded(50), CM_80);
    DatagramPipe pipe = new DatagramPipe(n -> n <= 2, n -> false);
    DtlsSession client =
        endpoint(clientMeters, sfuCertificate, 47)
            .connect("ffmpeg", List.of(ffmpeg.fingerprint()), pipe.sessionSends());
    pipe.connect(client);
    CompletableFuture<DTLSTransport> served = serve(ffmpeg, pipe);

    client.peerReachable();

    DtlsOutcome.Established ours = established(client);
    served.get(10, TimeUnit.SECONDS);
    assertThat(pipe.lost()).isEqualTo(2);
    assertThat(ffmpeg.offeredProfiles)
        .containsExactly(SrtpProfile.AEAD_AES_128_GCM.dtlsId(), CM_80);
    assertThat(ours.keys().profile()).isEqualTo(SrtpProfile.AES128_CM_HMAC_SHA1_80);
    assertThat(ours.keys()).isEqualTo(ffmpeg.keys);
    assertThat(ours.peerFingerprint()).isEqualTo(ffmpeg.fingerprint());
    assertThat(CertificateFingerprint.of("sha-256", ffmpeg.clientCertificate))
        .isEqualTo(sfuCertificate.fingerprint());
    assertCarriesSrtpBothWays(ours.keys(), ffmpeg.keys);
  }

  @Test
  void aServerThatChoosesAProfileWeDidNotOfferIsRefused() throws Exception {
    TestDtlsServer server = TestDtlsServer.ffmpegLike(seeded(51), CM_32);
    DatagramPipe pipe = DatagramPipe.lossless();
    DtlsSession client =
        endpoint(clientMeters, sfuCertificate, 48)
            .connect("odd-server", List.of(server.fingerprint()), pipe.sessionSends());
    pipe.connect(client);
    CompletableFuture<DTLSTransport> served = serve(server, pipe);

    client.peerReachable();

    DtlsOutcome.Failed failed = (DtlsOutcome.Failed) client.handshake().get(10, TimeUnit.SECONDS);
    assertThat(failed.reason()).isEqualTo(DtlsFailure.NO_COMMON_SRTP_PROFILE);
    assertThat(failed.detail()).contains("0x0002").contains("0x0007").contains("0x0001");
    assertThatThrownBy(() -> served.get(10, TimeUnit.SECONDS))
        .hasRootCauseInstanceOf(TlsFatalAlertReceived.class);
  }

  @Test
  void closingAnEstablishedClientSessionSendsCloseNotifyToTheServer() throws Exception {
    LossyLink toServer = LossyLink.lossless();
    LossyLink toClient = LossyLink.lossless();
    DtlsSession server =
        endpoint(serverMeters, peerCertificate, 49)
            .accept("publisher", List.of(sfuCertificate.fingerprint()), toClient);
    DtlsSession client =
        endpoint(clientMeters, sfuCertificate, 52)
            .connect("leaving", List.of(peerCertificate.fingerprint()), toServer);
    toServer.connect(server);
    toClient.connect(client);
    client.peerReachable();
    established(client);
    established(server);

    client.close();

    assertThat(client.closed().get(5, TimeUnit.SECONDS)).isEqualTo(DtlsClosure.LOCAL_CLOSE);
    assertThat(server.closed().get(5, TimeUnit.SECONDS)).isEqualTo(DtlsClosure.PEER_CLOSE_NOTIFY);
  }

  private CompletableFuture<DTLSTransport> serve(TestDtlsServer server, DatagramPipe pipe) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new DTLSServerProtocol().accept(server, pipe.peerTransport());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        peerThreads);
  }

  /** Protects RTP and RTCP as the DTLS client and unprotects as the server, then the other way. */
  private static void assertCarriesSrtpBothWays(SrtpKeyMaterial client, SrtpKeyMaterial server) {
    try (SrtpSession sfu = SrtpSession.create(client, DtlsRole.CLIENT);
        SrtpSession peer = SrtpSession.create(server, DtlsRole.SERVER)) {
      assertThat(roundTrip(sfu, peer, 0x11)).isTrue();
      assertThat(roundTrip(peer, sfu, 0x22)).isTrue();
    }
  }

  private static boolean roundTrip(SrtpSession from, SrtpSession to, int fill) {
    byte[] rtp = new byte[200];
    rtp[0] = (byte) 0x80;
    rtp[1] = 96;
    rtp[11] = (byte) fill;
    Arrays.fill(rtp, 12, 100, (byte) fill);
    byte[] packet = rtp.clone();
    int sent = from.protectRtp(packet, 0, 100);
    boolean encrypted = !Arrays.equals(packet, 12, 100, rtp, 12, 100);
    int received = to.unprotectRtp(packet, 0, sent);

    byte[] rtcp = new byte[100];
    rtcp[0] = (byte) 0x81;
    rtcp[1] = (byte) 201; // receiver report
    rtcp[3] = 7; // length in words minus one
    rtcp[7] = (byte) fill;
    byte[] compound = rtcp.clone();
    int rtcpSent = from.protectRtcp(compound, 0, 32);
    int rtcpReceived = to.unprotectRtcp(compound, 0, rtcpSent);

    return encrypted
        && received == 100
        && Arrays.equals(packet, 0, 100, rtp, 0, 100)
        && rtcpReceived == 32
        && Arrays.equals(compound, 0, 32, rtcp, 0, 32);
  }

  private static DtlsOutcome.Established established(DtlsSession session) throws Exception {
    DtlsOutcome outcome = session.handshake().get(10, TimeUnit.SECONDS);
    assertThat(outcome).isInstanceOf(DtlsOutcome.Established.class);
    return (DtlsOutcome.Established) outcome;
  }

  private static byte[] awaitFirstDatagram(LossyLink link) throws InterruptedException {
    for (int i = 0; i < 100 && link.sent().isEmpty(); i++) {
      Thread.sleep(20);
    }
    assertThat(link.sent()).isNotEmpty();
    return link.sent().getFirst();
  }

  private static DtlsEndpoint endpoint(
      SimpleMeterRegistry meters, SelfSignedCertificate certificate, long seed) {
    return DtlsEndpoint.create(FAST, certificate, seeded(seed), meters);
  }

  private static double handshakes(SimpleMeterRegistry meters, String outcome) {
    return meters.get("slipstream.dtls.handshakes").tag("outcome", outcome).counter().count();
  }

  private static SelfSignedCertificate certificate(long seed) {
    return SelfSignedCertificate.generate(CLOCK, seeded(seed));
  }
}
