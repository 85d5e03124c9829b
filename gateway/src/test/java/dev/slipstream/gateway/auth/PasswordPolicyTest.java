package dev.slipstream.gateway.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
  private static final String EMAIL = "sprinter@example.com";

  @Test
  void aLongMixedUncommonPasswordIsAccepted() {
    assertThatCode(() -> PasswordPolicy.check("Tartan-Hurdles-42", EMAIL))
        .doesNotThrowAnyException();
    assertThatCode(() -> PasswordPolicy.check("four words with spaces", EMAIL))
        .as("a passphrase: letters and spaces")
        .doesNotThrowAnyException();
    assertThatCode(() -> PasswordPolicy.check("ŁódźKraków2024", EMAIL)).doesNotThrowAnyException();
  }

  @Test
  void eachRuleHasItsOwnCode() {
    refused(null, "invalid_password");
    refused("Short-1", "password_too_short");
    refused("Ab1!Ab1!Ab1", "password_too_short");
    refused("A1!".repeat(43), "password_too_long");
    refused("abcdefghijklmnop", "password_too_simple");
    refused("123456789012345", "password_too_simple");
    refused("ЖЖЖЖЖЖЖЖЖЖЖЖЖЖ", "password_too_simple");
    refused("Password1234", "password_too_common");
    refused("P@ssw0rd!2024", "password_too_common");
    refused("Welcome123456", "password_too_common");
    refused("QWERTYuiop123", "password_too_common");
    refused("1q2w3e4r5t6y", "password_too_common");
    refused("Sprinter-Runs-9", "password_contains_email");
  }

  private static void refused(String password, String code) {
    assertThatThrownBy(() -> PasswordPolicy.check(password, EMAIL))
        .as(password)
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code));
  }
}
