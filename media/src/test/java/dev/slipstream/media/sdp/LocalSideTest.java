package dev.slipstream.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Our own inputs: generated ICE credentials, the transport and candidates, the send SSRCs. */
class LocalSideTest {
  private static final Candidate HOST =
      new Candidate("1", 1, Candidate.Protocol.UDP, 2_130_706_431L, "203.0.113.7", 3478);

  @Test
  void generatedCredentialsAreLongEnoughIceCharactersAndFreshEachTime() {
    SdpNegotiator negotiator = SdpNegotiator.create(new SplittableRandom(1));

    IceCredentials first = negotiator.newIceCredentials();
    IceCredentials second = negotiator.newIceCredentials();

    assertThat(first.ufrag()).hasSize(8).matches("[A-Za-z0-9]+");
    assertThat(first.pwd()).hasSize(32).matches("[A-Za-z0-9]+");
    assertThat(second).isNotEqualTo(first);
    assertThat(
            LocalTransport.of(first, "sha-256", Fixtures.OUR_FINGERPRINT, List.of(HOST)).iceUfrag())
        .isEqualTo(first.ufrag());
  }

  @Test
  void theSameSeedGivesTheSameCredentials() {
    assertThat(IceCredentials.generate(new SplittableRandom(42)))
        .isEqualTo(IceCredentials.generate(new SplittableRandom(42)));
  }

  @Test
  void theFingerprintIsNormalisedToLowerCaseHashAndUpperCaseHex() {
    LocalTransport local =
        new LocalTransport(
            "abcd",
            "a".repeat(22),
            "SHA-256",
            Fixtures.OUR_FINGERPRINT.toLowerCase(java.util.Locale.ROOT),
            List.of(HOST));

    assertThat(local.fingerprintAlgorithm()).isEqualTo("sha-256");
    assertThat(local.fingerprintHex()).isEqualTo(Fixtures.OUR_FINGERPRINT);
  }

  @Test
  void aTransportWithBadCredentialsFingerprintOrNoCandidateIsRefusedNamingTheField() {
    String fp = Fixtures.OUR_FINGERPRINT;
    assertThatThrownBy(
            () -> new LocalTransport("abc", "a".repeat(22), "sha-256", fp, List.of(HOST)))
        .hasMessageStartingWith("iceUfrag must be 4 to 256");
    assertThatThrownBy(
            () -> new LocalTransport("abcd", "a".repeat(21), "sha-256", fp, List.of(HOST)))
        .hasMessage("icePwd must be 22 to 256 letters, digits, '+' or '/' (was 21 characters)");
    assertThatThrownBy(
            () -> new LocalTransport("abcd", "a".repeat(22), "sha-256", "AB:CD", List.of(HOST)))
        .hasMessageStartingWith("fingerprint must be");
    assertThatThrownBy(() -> new LocalTransport("abcd", "a".repeat(22), "sha-256", fp, List.of()))
        .hasMessage("candidates must name at least one host candidate");
  }

  @Test
  void aCandidateOutsideItsRangesIsRefusedNamingTheField() {
    assertThatThrownBy(() -> new Candidate("1", 1, Candidate.Protocol.UDP, 1, "h", 0))
        .hasMessage("candidate port must be 1 to 65535 (was 0)");
    assertThatThrownBy(() -> new Candidate("1", 1, Candidate.Protocol.UDP, 1L << 31, "h", 1))
        .hasMessage("candidate priority must be 1 to 2^31-1 (was 2147483648)");
    assertThatThrownBy(() -> new Candidate("a b", 1, Candidate.Protocol.UDP, 1, "h", 1))
        .hasMessageStartingWith("candidate foundation must be");
    assertThatThrownBy(() -> new Candidate("1", 1, Candidate.Protocol.UDP, 1, "a b", 1))
        .hasMessageStartingWith("candidate address must be");
  }

  @Test
  void sendSsrcsMustBeDistinctThirtyTwoBitValues() {
    assertThatThrownBy(() -> new SendSsrcs(5, 5, "c", "s"))
        .hasMessage("video and audio need different SSRCs (both 5)");
    assertThatThrownBy(() -> new SendSsrcs(1L << 32, 5, "c", "s"))
        .hasMessage("an SSRC must be 1 to 2^32-1 (was 4294967296)");
    assertThatThrownBy(() -> new SendSsrcs(1, 2, "c name", "s"))
        .hasMessageStartingWith("cname must be");
  }
}
