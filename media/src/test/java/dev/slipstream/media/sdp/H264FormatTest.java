package dev.slipstream.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.media.sdp.H264Format.Profile;
import java.util.Map;
import org.junit.jupiter.api.Test;

class H264FormatTest {

  private static H264Format format(String profileLevelId, String mode) {
    return H264Format.of(Map.of("profile-level-id", profileLevelId, "packetization-mode", mode))
        .orElseThrow();
  }

  @Test
  void profilesAreToldApartByProfileIdcAndConstraintFlags() {
    assertThat(format("42e01f", "1").profile()).isEqualTo(Profile.CONSTRAINED_BASELINE);
    assertThat(format("42c01f", "1").profile()).isEqualTo(Profile.CONSTRAINED_BASELINE);
    assertThat(format("4de01f", "1").profile()).isEqualTo(Profile.CONSTRAINED_BASELINE);
    assertThat(format("42001f", "1").profile()).isEqualTo(Profile.BASELINE);
    assertThat(format("4d001f", "1").profile()).isEqualTo(Profile.MAIN);
    assertThat(format("640c1f", "1").profile()).isEqualTo(Profile.CONSTRAINED_HIGH);
    assertThat(format("640028", "1").profile()).isEqualTo(Profile.HIGH);
    assertThat(format("f4001f", "1").profile()).isEqualTo(Profile.PREDICTIVE_HIGH_444);
  }

  @Test
  void theLevelIsTheLastByte() {
    assertThat(format("42e01f", "1").level()).isEqualTo(31);
    assertThat(format("640028", "1").level()).isEqualTo(40);
  }

  @Test
  void missingParametersMeanBaselineLevelOneInSingleNalMode() {
    H264Format defaults = H264Format.of(Map.of()).orElseThrow();

    assertThat(defaults.profile()).isEqualTo(Profile.BASELINE);
    assertThat(defaults.level()).isEqualTo(10);
    assertThat(defaults.packetizationMode()).isZero();
  }

  @Test
  void malformedOrUnknownProfilesAreNotH264WeCanMatch() {
    assertThat(H264Format.of(Map.of("profile-level-id", "zzzzzz"))).isEmpty();
    assertThat(H264Format.of(Map.of("profile-level-id", "42e01"))).isEmpty();
    assertThat(H264Format.of(Map.of("profile-level-id", "+2e01f"))).isEmpty();
    assertThat(H264Format.of(Map.of("profile-level-id", "7a001f"))).isEmpty();
    assertThat(H264Format.of(Map.of("packetization-mode", "9"))).isEmpty();
  }

  @Test
  void aConstrainedBaselineStreamIsDecodableByBaselineMainAndHighReceivers() {
    H264Format stream = format("42e01f", "1");

    assertThat(stream.canBeReceivedBy(format("42e00a", "1"))).isTrue();
    assertThat(stream.canBeReceivedBy(format("42001f", "1"))).isTrue();
    assertThat(stream.canBeReceivedBy(format("4d001f", "1"))).isTrue();
    assertThat(stream.canBeReceivedBy(format("640032", "1"))).isTrue();
    assertThat(stream.canBeReceivedBy(format("f4001f", "1"))).isFalse();
  }

  @Test
  void aHighStreamNeedsAHighReceiverAndAMainStreamAMainOrHighOne() {
    assertThat(format("640028", "1").canBeReceivedBy(format("4d001f", "1"))).isFalse();
    assertThat(format("640028", "1").canBeReceivedBy(format("64001f", "1"))).isTrue();
    assertThat(format("4d0028", "1").canBeReceivedBy(format("42e01f", "1"))).isFalse();
    assertThat(format("4d0028", "1").canBeReceivedBy(format("640028", "1"))).isTrue();
    assertThat(format("42001f", "1").canBeReceivedBy(format("4d001f", "1"))).isFalse();
  }

  @Test
  void packetizationModesMustBeEqual() {
    assertThat(format("42e01f", "1").canBeReceivedBy(format("42e01f", "0"))).isFalse();
    assertThat(format("42e01f", "0").canBeReceivedBy(format("42e01f", "0"))).isTrue();
  }
}
