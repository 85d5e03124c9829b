package dev.slipstream.media.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.media.ice.ReceivedStun;
import dev.slipstream.media.ice.StunAttribute;
import dev.slipstream.media.ice.StunClass;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpMuxIT {
  private static final String PWD = "sessionAPasswordSecret";
  private static final byte[] DTLS = HexFormat.of().parseHex("16fefd0000000000000000000c010000");
  private static final byte[] RTP = HexFormat.of().parseHex("8060000100000000112233440a0b0c0d");

  private final TestClock clock = new TestClock();
  private final RecordingSink sink = new RecordingSink();
  private TcpMux mux;
  private MuxRegistration session;

  @BeforeEach
  void listenOnAnEphemeralLoopbackPort() throws IOException {
    mux =
        TcpMux.open(
            TcpMuxConfig.defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withClock(clock)
                .withHousekeepingInterval(Duration.ofMillis(5)));
    session = mux.register("sfuA", PWD, "brwA", sink);
  }

  @AfterEach
  void closeMux() {
    mux.close();
  }

  @Test
  void aCheckIsAnsweredInAFrameAndLaterFramesFlowBothWays() throws Exception {
    try (FakeTcpBrowser browser = new FakeTcpBrowser(mux.localAddress(), 1)) {
      ReceivedStun response = browser.check("sfuA:brwA", PWD, true);

      assertThat(response.message().messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
      assertThat(response.message().find(StunAttribute.XorMappedAddress.class))
          .contains(new StunAttribute.XorMappedAddress(browser.address()));
      assertThat(response.integrityMatches(PWD.getBytes(StandardCharsets.UTF_8))).isTrue();
      assertThat(sink.next()).isEqualTo(new RecordingSink.Connected(browser.address()));
      assertThat(sink.next()).isEqualTo(new RecordingSink.Nominated(browser.address()));

      // Two frames in one write, as TCP may deliver them.
      byte[] dtls = FakeTcpBrowser.frame(DTLS);
      byte[] rtp = FakeTcpBrowser.frame(RTP);
      browser.writeRaw(ByteBuffer.allocate(dtls.length + rtp.length).put(dtls).put(rtp).array());

      assertThat(sink.next()).isEqualTo(new RecordingSink.Dtls(hex(DTLS), browser.address()));
      assertThat(sink.next()).isEqualTo(new RecordingSink.Rtp(hex(RTP), browser.address()));
      assertThat(session.send(RTP, browser.address())).isEqualTo(SendResult.SENT);
      assertThat(session.send(ByteBuffer.wrap(DTLS), browser.address())).isEqualTo(SendResult.SENT);
      assertThat(browser.readFrame()).isEqualTo(RTP);
      assertThat(browser.readFrame()).isEqualTo(DTLS);
    }
  }

  @Test
  void aZeroLengthFrameClosesJustThatConnection() throws Exception {
    try (FakeTcpBrowser good = new FakeTcpBrowser(mux.localAddress(), 1);
        FakeTcpBrowser bad = new FakeTcpBrowser(mux.localAddress(), 2)) {
      good.check("sfuA:brwA", PWD, true);
      bad.check("sfuA:brwA", PWD, false);

      bad.writeRaw(new byte[] {0, 0});
      bad.expectClosedBySfu();
      good.writeFrame(RTP);

      assertThat(sink.next()).isEqualTo(new RecordingSink.Connected(good.address()));
      assertThat(sink.next()).isEqualTo(new RecordingSink.Nominated(good.address()));
      assertThat(sink.next()).isEqualTo(new RecordingSink.Connected(bad.address()));
      assertThat(sink.next()).isEqualTo(new RecordingSink.Rtp(hex(RTP), good.address()));
      assertThat(mux.counters().dropped(DropReason.TCP_BAD_FRAMING)).isEqualTo(1);
      awaitTrue(() -> !session.validatedRemotes().contains(bad.address()));
      assertThat(session.send(RTP, bad.address())).isEqualTo(SendResult.DROPPED_NO_CONSENT);
    }
  }

  @Test
  void mediaBeforeAValidCheckClosesTheConnection() throws Exception {
    try (FakeTcpBrowser browser = new FakeTcpBrowser(mux.localAddress(), 1)) {
      browser.writeFrame(RTP);

      browser.expectClosedBySfu();
      sink.expectNothingFor(50);
      assertThat(mux.counters().dropped(DropReason.TCP_BAD_FRAMING)).isEqualTo(1);
    }
  }

  @Test
  void aFrameCutShortByTheEndOfTheStreamClosesTheConnection() throws Exception {
    try (FakeTcpBrowser browser = new FakeTcpBrowser(mux.localAddress(), 1)) {
      browser.writeRaw(new byte[] {0, 16, 1, 2, 3});
      browser.endOutput();

      browser.expectClosedBySfu();
      awaitTrue(() -> mux.counters().dropped(DropReason.TCP_BAD_FRAMING) == 1);
    }
  }

  @Test
  void aWrongPasswordIsAnswered401AndLeavesTheConnectionWithoutASession() throws Exception {
    try (FakeTcpBrowser browser = new FakeTcpBrowser(mux.localAddress(), 1)) {
      ReceivedStun refusal = browser.check("sfuA:brwA", "wrongPasswordWrongPassword", false);
      browser.writeFrame(RTP);

      assertThat(refusal.message().find(StunAttribute.ErrorCode.class).orElseThrow().code())
          .isEqualTo(401);
      browser.expectClosedBySfu();
      sink.expectNothingFor(50);
    }
  }

  @Test
  void closingTheRegistrationClosesItsConnections() throws Exception {
    try (FakeTcpBrowser browser = new FakeTcpBrowser(mux.localAddress(), 1)) {
      browser.check("sfuA:brwA", PWD, true);

      session.close();

      browser.expectClosedBySfu();
      assertThat(session.send(RTP, browser.address())).isEqualTo(SendResult.DROPPED_CLOSED);
      awaitTrue(() -> mux.openConnections() == 0);
    }
  }

  @Test
  void consentExpiryNotifiesTheSessionAndClosesItsConnection() throws Exception {
    try (FakeTcpBrowser browser = new FakeTcpBrowser(mux.localAddress(), 1)) {
      browser.check("sfuA:brwA", PWD, true);
      sink.next();
      sink.next();

      clock.advance(Duration.ofSeconds(30));

      assertThat(sink.next()).isEqualTo(new RecordingSink.ConsentExpired());
      browser.expectClosedBySfu();
    }
  }

  @Test
  void aConnectionThatNeverChecksIsClosedAfterTheBindTimeout() throws Exception {
    try (FakeTcpBrowser browser = new FakeTcpBrowser(mux.localAddress(), 1)) {
      awaitTrue(() -> mux.openConnections() == 1);

      clock.advance(Duration.ofSeconds(11));

      browser.expectClosedBySfu();
      awaitTrue(() -> mux.counters().dropped(DropReason.TCP_CONNECTION_REFUSED) == 1);
    }
  }

  @Test
  void connectionsBeyondTheLimitAreClosedAtOnce() throws Exception {
    try (TcpMux small =
            TcpMux.open(
                TcpMuxConfig.defaults(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .withMaxConnections(1));
        FakeTcpBrowser first = new FakeTcpBrowser(small.localAddress(), 1)) {
      small.register("sfuA", PWD, "brwA", new RecordingSink());
      awaitTrue(() -> small.openConnections() == 1);

      try (FakeTcpBrowser second = new FakeTcpBrowser(small.localAddress(), 2)) {
        second.expectClosedBySfu();
      }
      assertThat(first.check("sfuA:brwA", PWD, false).message().messageClass())
          .isEqualTo(StunClass.SUCCESS_RESPONSE);
      assertThat(small.counters().dropped(DropReason.TCP_CONNECTION_REFUSED)).isEqualTo(1);
    }
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(5);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("condition within 5 s").isBefore(deadline);
      Thread.sleep(5);
    }
  }

  private static String hex(byte[] packet) {
    return RecordingSink.hex(packet, packet.length);
  }
}
