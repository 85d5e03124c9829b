package dev.slipstream.media.ice;

import static dev.slipstream.media.ice.StunCodecTest.parsed;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IceLiteResponderTest {
  private static final String LOCAL_UFRAG = "sfuU";
  private static final String LOCAL_PWD = "sfuPasswordSfuPassword";
  private static final String REMOTE_UFRAG = "brw1";
  private static final String USERNAME = LOCAL_UFRAG + ":" + REMOTE_UFRAG;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
  private final IceLiteResponder responder =
      IceLiteResponder.create(new IceCredentials(LOCAL_UFRAG, LOCAL_PWD, REMOTE_UFRAG), clock);
  private final BrowserRequests browser = new BrowserRequests();
  private final InetSocketAddress from =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 50_123);

  @Test
  void aCorrectlySignedCheckGetsASignedSuccessThatEchoesTheSendersAddress() {
    byte[] request = browser.check(USERNAME, LOCAL_PWD);

    BindingOutcome outcome = responder.handle(parsed(request), from);

    assertThat(outcome).isInstanceOf(BindingOutcome.Accepted.class);
    BindingOutcome.Accepted accepted = (BindingOutcome.Accepted) outcome;
    assertThat(accepted.useCandidate()).isFalse();
    assertThat(accepted.remote()).isEqualTo(from);
    ReceivedStun response = parsed(accepted.response());
    assertThat(response.message().messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    assertThat(response.message().transactionId())
        .isEqualTo(parsed(request).message().transactionId());
    assertThat(response.message().find(StunAttribute.XorMappedAddress.class))
        .contains(new StunAttribute.XorMappedAddress(from));
    assertThat(response.integrityMatches(BrowserRequests.bytes(LOCAL_PWD))).isTrue();
    assertThat(response.fingerprintMatches()).isTrue();
    assertThat(responder.lastValidRequest()).contains(clock.instant());
    assertThat(responder.counters().accepted()).isEqualTo(1);
  }

  @Test
  void useCandidateNominatesThePath() {
    byte[] request = browser.check(USERNAME, LOCAL_PWD, new StunAttribute.UseCandidate());

    assertThat(responder.handle(parsed(request), from))
        .isInstanceOfSatisfying(
            BindingOutcome.Accepted.class, a -> assertThat(a.useCandidate()).isTrue());
  }

  @Test
  void aWrongPasswordIsAnswered401UnsignedAndCounted() {
    byte[] request = browser.check(USERNAME, "notThePasswordNotThePassword");

    BindingOutcome outcome = responder.handle(parsed(request), from);

    ReceivedStun response = refusedWith(outcome, BindingRefusal.BAD_INTEGRITY, 401);
    assertThat(response.hasIntegrity()).isFalse();
    assertThat(response.fingerprintMatches()).isTrue();
    assertThat(responder.lastValidRequest()).isEmpty();
    assertThat(responder.counters().refused(BindingRefusal.BAD_INTEGRITY)).isEqualTo(1);
  }

  @Test
  void aWrongUsernameIsAnswered401EvenWhenSignedWithTheRightPassword() {
    for (String username : List.of("sfuU:othr", "othr:brw1", "sfuU", "sfuU:brw1:x")) {
      BindingOutcome outcome = responder.handle(parsed(browser.check(username, LOCAL_PWD)), from);

      refusedWith(outcome, BindingRefusal.WRONG_USERNAME, 401);
    }
    assertThat(responder.counters().refused(BindingRefusal.WRONG_USERNAME)).isEqualTo(4);
    assertThat(responder.lastValidRequest()).isEmpty();
  }

  @Test
  void aBadFingerprintIsDroppedWithoutAnAnswer() {
    byte[] request = browser.check(USERNAME, LOCAL_PWD);
    request[request.length - 1] ^= 0x01;

    assertThat(responder.handle(parsed(request), from))
        .isEqualTo(new BindingOutcome.Dropped(BindingRefusal.BAD_FINGERPRINT));
    assertThat(responder.counters().refused(BindingRefusal.BAD_FINGERPRINT)).isEqualTo(1);
  }

  @Test
  void aRequestWithoutFingerprintIsDroppedWithoutAnAnswer() {
    byte[] request =
        browser
            .message(StunClass.REQUEST, List.of(new StunAttribute.Username(USERNAME)))
            .encode(BrowserRequests.bytes(LOCAL_PWD), false);

    assertThat(responder.handle(parsed(request), from))
        .isEqualTo(new BindingOutcome.Dropped(BindingRefusal.BAD_FINGERPRINT));
  }

  @Test
  void aRequestWithoutMessageIntegrityIsAnswered400() {
    byte[] request =
        browser
            .message(StunClass.REQUEST, List.of(new StunAttribute.Username(USERNAME)))
            .encode(null, true);

    refusedWith(responder.handle(parsed(request), from), BindingRefusal.MISSING_CREDENTIALS, 400);
  }

  @Test
  void aPeerThatAlsoClaimsTheControlledRoleGetsASigned487() {
    byte[] request =
        browser
            .message(
                StunClass.REQUEST,
                List.of(new StunAttribute.Username(USERNAME), new StunAttribute.IceControlled(42)))
            .encodeSigned(BrowserRequests.bytes(LOCAL_PWD));

    ReceivedStun response =
        refusedWith(responder.handle(parsed(request), from), BindingRefusal.ROLE_CONFLICT, 487);
    assertThat(response.integrityMatches(BrowserRequests.bytes(LOCAL_PWD))).isTrue();
  }

  @Test
  void anUnknownComprehensionRequiredAttributeIsNamedInASigned420() {
    byte[] request =
        browser.check(USERNAME, LOCAL_PWD, new StunAttribute.Unknown(0x7F01, new byte[4]));

    ReceivedStun response =
        refusedWith(
            responder.handle(parsed(request), from),
            BindingRefusal.UNKNOWN_REQUIRED_ATTRIBUTE,
            420);
    assertThat(response.message().find(StunAttribute.UnknownAttributes.class))
        .contains(new StunAttribute.UnknownAttributes(List.of(0x7F01)));
    assertThat(response.integrityMatches(BrowserRequests.bytes(LOCAL_PWD))).isTrue();
  }

  @Test
  void anUnknownComprehensionOptionalAttributeDoesNotStopACheck() {
    byte[] request =
        browser.check(USERNAME, LOCAL_PWD, new StunAttribute.Unknown(0xC057, new byte[4]));

    assertThat(responder.handle(parsed(request), from)).isInstanceOf(BindingOutcome.Accepted.class);
  }

  @Test
  void indicationsAndResponsesAreDroppedSilently() {
    for (StunClass kind : List.of(StunClass.INDICATION, StunClass.SUCCESS_RESPONSE)) {
      byte[] message =
          browser
              .message(kind, List.of(new StunAttribute.Username(USERNAME)))
              .encodeSigned(BrowserRequests.bytes(LOCAL_PWD));

      assertThat(responder.handle(parsed(message), from))
          .isEqualTo(new BindingOutcome.Dropped(BindingRefusal.NOT_A_BINDING_REQUEST));
    }
  }

  @Test
  void authenticatedMediaRenewsConsentOnlyAfterAValidCheck() {
    Duration timeout = Duration.ofSeconds(30);
    responder.refreshFromMedia();
    assertThat(responder.lastValidRequest()).as("media alone never grants consent").isEmpty();

    responder.handle(parsed(browser.check(USERNAME, LOCAL_PWD)), from);
    clock.advance(Duration.ofSeconds(29));
    responder.refreshFromMedia();
    clock.advance(Duration.ofSeconds(29));
    assertThat(responder.consentExpired(timeout)).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(responder.consentExpired(timeout)).isTrue();
  }

  @Test
  void consentLapsesThirtySecondsAfterTheLastValidCheckAndEachCheckRenewsIt() {
    Duration timeout = Duration.ofSeconds(30);
    assertThat(responder.consentExpired(timeout)).isFalse();

    responder.handle(parsed(browser.check(USERNAME, LOCAL_PWD)), from);
    clock.advance(Duration.ofSeconds(29));
    assertThat(responder.consentExpired(timeout)).isFalse();
    responder.handle(parsed(browser.check(USERNAME, LOCAL_PWD)), from);
    clock.advance(Duration.ofSeconds(29));
    assertThat(responder.consentExpired(timeout)).isFalse();

    responder.handle(parsed(browser.check(USERNAME, "notThePasswordNotThePassword")), from);
    clock.advance(Duration.ofSeconds(1));
    assertThat(responder.consentExpired(timeout)).isTrue();
  }

  private static ReceivedStun refusedWith(BindingOutcome outcome, BindingRefusal reason, int code) {
    assertThat(outcome).isInstanceOf(BindingOutcome.Refused.class);
    BindingOutcome.Refused refused = (BindingOutcome.Refused) outcome;
    assertThat(refused.reason()).isEqualTo(reason);
    ReceivedStun response = parsed(refused.response());
    assertThat(response.message().messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
    assertThat(response.message().find(StunAttribute.ErrorCode.class).orElseThrow().code())
        .isEqualTo(code);
    assertThat(response.fingerprintMatches()).isTrue();
    return response;
  }
}
