package dev.slipstream.media.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.platform.InvalidInputException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IceCredentialsTest {
  private static final String PWD = "sfuPasswordSfuPassword";

  @Test
  void aTooShortUfragIsRejectedWithItsCodeAndWhatIsAllowed() {
    assertThatThrownBy(() -> new IceCredentials("sfuU", PWD, "ab"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("invalid_ice_ufrag"))
        .hasMessage("remoteUfrag must have 4 to 256 characters, had 2 (was \"ab\")");
  }

  @Test
  void aUfragWithAColonIsRejectedBecauseItWouldSplitTheUsername() {
    assertThatThrownBy(() -> new IceCredentials("sfu:U", PWD, "brw1"))
        .hasMessage(
            "localUfrag may only hold the characters A-Z, a-z, 0-9, + and / (was \"sfu:U\")");
  }

  @Test
  void aShortPasswordIsRejectedWithoutEchoingIt() {
    assertThatThrownBy(() -> new IceCredentials("sfuU", "tooShortSecret", "brw1"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("invalid_ice_pwd"))
        .hasMessage("localPwd must have 22 to 256 characters, had 14");
  }

  @Test
  void generatedCredentialsAreValidRepeatableFromASeedAndKeepThePasswordOutOfToString() {
    IceCredentials a = IceCredentials.generate("brw1", new SplittableRandom(1));
    IceCredentials b = IceCredentials.generate("brw1", new SplittableRandom(1));

    assertThat(a).isEqualTo(b);
    assertThat(a.localUfrag()).hasSize(IceCredentials.GENERATED_UFRAG_LENGTH);
    assertThat(a.localPwd()).hasSize(IceCredentials.GENERATED_PWD_LENGTH);
    assertThat(a.expectedUsername()).isEqualTo(a.localUfrag() + ":brw1");
    assertThat(a.toString()).doesNotContain(a.localPwd());
  }
}
