package dev.slipstream.media.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.slipstream.media.ice.BindingRefusal;
import dev.slipstream.media.ice.ReceivedStun;
import dev.slipstream.media.ice.StunAttribute;
import dev.slipstream.media.ice.StunClass;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UdpMuxIT {
  private static final String PWD_A = "sessionAPasswordSecret";
  private static final String PWD_B = "sessionBPasswordSecret";

  /** A DTLS 1.2 handshake record header and a few bytes of ClientHello. */
  private static final byte[] DTLS = HexFormat.of().parseHex("16fefd0000000000000000000c010000");

  /** An RTP header: V=2, PT 96, sequence 1, timestamp 0, SSRC 0x11223344, then payload. */
  private static final byte[] RTP = HexFormat.of().parseHex("8060000100000000112233440a0b0c0d");

  private final TestClock clock = new TestClock();
  private UdpMux mux;
  private FakeBrowser browserA;
  private FakeBrowser browserB;

  @BeforeEach
  void openMuxOnAnEphemeralLoopbackPort() throws IOException {
    mux =
        UdpMux.open(
            UdpMuxConfig.defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withClock(clock)
                .withHousekeepingInterval(Duration.ofMillis(5)));
    browserA = new FakeBrowser(mux.localAddress(), 1);
    browserB = new FakeBrowser(mux.localAddress(), 2);
  }

  @AfterEach
  void closeEverything() {
    browserA.close();
    browserB.close();
    mux.close();
  }

  @Test
  void aBrowsersCheckIsAnsweredVerifiablyAndItsDtlsAndRtpReachTheSession() throws Exception {
    RecordingSink sink = new RecordingSink();
    MuxRegistration session = mux.register("sfuA", PWD_A, "brwA", sink);

    ReceivedStun response = browserA.check("sfuA:brwA", PWD_A, true);

    assertThat(response.message().messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    assertThat(response.message().find(StunAttribute.XorMappedAddress.class))
        .contains(new StunAttribute.XorMappedAddress(browserA.address()));
    assertThat(response.integrityMatches(PWD_A.getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(response.fingerprintMatches()).isTrue();
    assertThat(sink.next()).isEqualTo(new RecordingSink.Connected(browserA.address()));
    assertThat(sink.next()).isEqualTo(new RecordingSink.Nominated(browserA.address()));
    assertThat(session.nominatedRemote()).contains(browserA.address());
    assertThat(session.lastConsent()).contains(clock.instant());

    browserA.send(DTLS);
    browserA.send(RTP);

    assertThat(sink.next()).isEqualTo(new RecordingSink.Dtls(hex(DTLS), browserA.address()));
    assertThat(sink.next()).isEqualTo(new RecordingSink.Rtp(hex(RTP), browserA.address()));

    assertThat(session.send(RTP, browserA.address())).isEqualTo(SendResult.SENT);
    assertThat(session.send(ByteBuffer.wrap(DTLS), browserA.address())).isEqualTo(SendResult.SENT);
    assertThat(browserA.receive()).isEqualTo(RTP);
    assertThat(browserA.receive()).isEqualTo(DTLS);

    // The loop thread counts its STUN answer once the kernel has taken it: let the count settle.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              MuxCounters counters = mux.counters();
              assertThat(counters.packetsIn()).isEqualTo(3);
              assertThat(counters.packetsOut()).isEqualTo(3);
              assertThat(counters.bindingsAccepted()).isEqualTo(1);
              assertThat(counters.dropped().values()).allMatch(n -> n == 0);
            });
  }

  @Test
  void garbageIsCountedByReasonAndTheMuxKeepsAnswering() throws Exception {
    RecordingSink sink = new RecordingSink();
    mux.register("sfuA", PWD_A, "brwA", sink);

    browserA.send(new byte[0]);
    browserA.send(new byte[] {100, 1, 2, 3});
    browserA.send(new byte[] {0, 1, 0, 4, 1, 2});
    browserA.send(browserA.bindingRequest("nobody:brwA", PWD_A, false));
    browserA.send(browserA.bindingRequest("sfuA:brwA", "wrongPasswordWrongPassword", false));
    byte[] badFingerprint = browserA.bindingRequest("sfuA:brwA", PWD_A, false);
    badFingerprint[badFingerprint.length - 1] ^= 1;
    browserA.send(badFingerprint);
    browserA.send(DTLS);
    browserA.send(RTP);
    ReceivedStun refusal = FakeBrowser.parse(browserA.receive());
    // Datagrams are handled in order, so once this check is answered all of the above were.
    browserA.check("sfuA:brwA", PWD_A, false);

    assertThat(refusal.message().find(StunAttribute.ErrorCode.class).orElseThrow().code())
        .isEqualTo(401);
    MuxCounters counters = mux.counters();
    assertThat(counters.dropped(DropReason.UNRECOGNISED_PACKET)).isEqualTo(2);
    assertThat(counters.dropped(DropReason.STUN_MALFORMED)).isEqualTo(1);
    assertThat(counters.dropped(DropReason.STUN_NO_SESSION)).isEqualTo(1);
    assertThat(counters.dropped(DropReason.UNKNOWN_SOURCE)).isEqualTo(2);
    assertThat(counters.bindingsRefused(BindingRefusal.BAD_INTEGRITY)).isEqualTo(1);
    assertThat(counters.bindingsRefused(BindingRefusal.BAD_FINGERPRINT)).isEqualTo(1);
    assertThat(counters.bindingsAccepted()).isEqualTo(1);
    assertThat(counters.packetsIn()).isEqualTo(9);
    assertThat(sink.next()).isEqualTo(new RecordingSink.Connected(browserA.address()));
    sink.expectNothingFor(50);
  }

  @Test
  void twoSessionsAreKeptApart() throws Exception {
    RecordingSink sinkA = new RecordingSink();
    RecordingSink sinkB = new RecordingSink();
    MuxRegistration sessionA = mux.register("sfuA", PWD_A, "brwA", sinkA);
    MuxRegistration sessionB = mux.register("sfuB", PWD_B, "brwB", sinkB);

    browserA.check("sfuA:brwA", PWD_A, true);
    browserB.check("sfuB:brwB", PWD_B, true);
    ReceivedStun crossed = browserB.check("sfuA:brwB", PWD_A, false);
    browserA.send(RTP);
    browserB.send(DTLS);

    assertThat(crossed.message().messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
    assertThat(sinkA.next()).isInstanceOf(RecordingSink.Connected.class);
    assertThat(sinkA.next()).isInstanceOf(RecordingSink.Nominated.class);
    assertThat(sinkA.next()).isEqualTo(new RecordingSink.Rtp(hex(RTP), browserA.address()));
    assertThat(sinkB.next()).isEqualTo(new RecordingSink.Connected(browserB.address()));
    assertThat(sinkB.next()).isEqualTo(new RecordingSink.Nominated(browserB.address()));
    assertThat(sinkB.next()).isEqualTo(new RecordingSink.Dtls(hex(DTLS), browserB.address()));
    sinkA.expectNothingFor(50);
    sinkB.expectNothingFor(1);

    assertThat(sessionA.send(RTP, browserB.address())).isEqualTo(SendResult.DROPPED_NO_CONSENT);
    assertThat(sessionB.send(RTP, browserA.address())).isEqualTo(SendResult.DROPPED_NO_CONSENT);
    assertThat(mux.counters().dropped(DropReason.SEND_NO_CONSENT)).isEqualTo(2);
    browserA.expectSilenceFor(50);
    browserB.expectSilenceFor(1);
  }

  @Test
  void closingARegistrationStopsDeliveryAndForgetsItsUfrag() throws Exception {
    RecordingSink sinkA = new RecordingSink();
    MuxRegistration sessionA = mux.register("sfuA", PWD_A, "brwA", sinkA);
    mux.register("sfuB", PWD_B, "brwB", new RecordingSink());
    browserA.check("sfuA:brwA", PWD_A, true);
    sinkA.next();
    sinkA.next();

    sessionA.close();
    browserA.send(RTP);
    browserA.send(browserA.bindingRequest("sfuA:brwA", PWD_A, false));
    browserB.check("sfuB:brwB", PWD_B, false);

    sinkA.expectNothingFor(50);
    browserA.expectSilenceFor(1);
    assertThat(mux.counters().dropped(DropReason.UNKNOWN_SOURCE)).isEqualTo(1);
    assertThat(mux.counters().dropped(DropReason.STUN_NO_SESSION)).isEqualTo(1);
    assertThat(sessionA.send(RTP, browserA.address())).isEqualTo(SendResult.DROPPED_CLOSED);
    assertThat(sessionA.validatedRemotes()).isEmpty();
    // The ufrag is free again.
    mux.register("sfuA", PWD_A, "brwA", new RecordingSink()).close();
  }

  @Test
  void consentExpiresWhenChecksStopAndANewCheckRestoresThePath() throws Exception {
    RecordingSink sink = new RecordingSink();
    MuxRegistration session = mux.register("sfuA", PWD_A, "brwA", sink);
    browserA.check("sfuA:brwA", PWD_A, true);
    sink.next();
    sink.next();

    clock.advance(Duration.ofSeconds(29));
    sink.expectNothingFor(50);
    clock.advance(Duration.ofSeconds(1));

    assertThat(sink.next()).isEqualTo(new RecordingSink.ConsentExpired());
    assertThat(session.send(RTP, browserA.address())).isEqualTo(SendResult.DROPPED_NO_CONSENT);
    assertThat(session.nominatedRemote()).isEmpty();
    browserA.send(RTP);
    browserA.check("sfuA:brwA", PWD_A, true);
    assertThat(sink.next()).isEqualTo(new RecordingSink.Connected(browserA.address()));
    assertThat(sink.next()).isEqualTo(new RecordingSink.Nominated(browserA.address()));
    assertThat(mux.counters().dropped(DropReason.UNKNOWN_SOURCE)).isEqualTo(1);
    assertThat(session.send(RTP, browserA.address())).isEqualTo(SendResult.SENT);
  }

  @Test
  void aSinkThatThrowsLosesOnlyThatPacket() throws Exception {
    RecordingSink sink = new RecordingSink();
    mux.register("sfuA", PWD_A, "brwA", sink);
    browserA.check("sfuA:brwA", PWD_A, false);
    sink.next();

    sink.throwOnRtp(true);
    browserA.send(RTP);
    browserA.check("sfuA:brwA", PWD_A, false);
    sink.throwOnRtp(false);
    browserA.send(RTP);

    assertThat(sink.next()).isEqualTo(new RecordingSink.Rtp(hex(RTP), browserA.address()));
    assertThat(mux.counters().dropped(DropReason.SINK_FAILED)).isEqualTo(1);
  }

  @Test
  void aNominationMovesWhenTheBrowserNominatesAnotherAddress() throws Exception {
    RecordingSink sink = new RecordingSink();
    MuxRegistration session = mux.register("sfuA", PWD_A, "brwA", sink);

    browserA.check("sfuA:brwA", PWD_A, true);
    browserA.check("sfuA:brwA", PWD_A, true);
    browserB.check("sfuA:brwA", PWD_A, false);
    browserB.check("sfuA:brwA", PWD_A, true);

    assertThat(sink.next()).isEqualTo(new RecordingSink.Connected(browserA.address()));
    assertThat(sink.next()).isEqualTo(new RecordingSink.Nominated(browserA.address()));
    assertThat(sink.next()).isEqualTo(new RecordingSink.Connected(browserB.address()));
    assertThat(sink.next()).isEqualTo(new RecordingSink.Nominated(browserB.address()));
    sink.expectNothingFor(50);
    assertThat(session.validatedRemotes())
        .containsExactlyInAnyOrder(browserA.address(), browserB.address());
    assertThat(session.nominatedRemote()).contains(browserB.address());
  }

  @Test
  void anInterruptedSenderDoesNotCloseTheSharedSocket() throws Exception {
    RecordingSink sink = new RecordingSink();
    MuxRegistration session = mux.register("sfuA", PWD_A, "brwA", sink);
    browserA.check("sfuA:brwA", PWD_A, false);

    Thread.currentThread().interrupt();
    SendResult result;
    try {
      result = session.send(RTP, browserA.address());
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }

    assertThat(result).isEqualTo(SendResult.SENT);
    assertThat(browserA.receive()).isEqualTo(RTP);
    assertThat(browserB.check("sfuA:brwA", PWD_A, false).message().messageClass())
        .isEqualTo(StunClass.SUCCESS_RESPONSE);
  }

  @Test
  void aSecondSessionWithTheSameUfragIsRefused() {
    mux.register("sfuA", PWD_A, "brwA", new RecordingSink());

    assertThatThrownBy(() -> mux.register("sfuA", PWD_B, "brwB", new RecordingSink()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("local ufrag sfuA is already registered on this mux");
  }

  @Test
  void aPortInUseIsReportedWithTheAddress() {
    assertThatThrownBy(() -> UdpMux.open(mux.localAddress()))
        .isInstanceOf(java.net.BindException.class)
        .hasMessageStartingWith("cannot bind the media UDP socket to " + mux.localAddress());
  }

  @Test
  void closingTheMuxRefusesSendsAndRegistrations() throws Exception {
    MuxRegistration session = mux.register("sfuA", PWD_A, "brwA", new RecordingSink());
    browserA.check("sfuA:brwA", PWD_A, false);

    mux.close();

    assertThat(session.send(RTP, browserA.address())).isEqualTo(SendResult.DROPPED_CLOSED);
    assertThatThrownBy(() -> mux.register("sfuB", PWD_B, "brwB", new RecordingSink()))
        .isInstanceOf(IllegalStateException.class);
  }

  private static String hex(byte[] packet) {
    return RecordingSink.hex(packet, packet.length);
  }
}
