package dev.slipstream.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.gateway.auth.AuthSettings.PasswordCost;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Argon2idHasherTest {
  private final Argon2idHasher hasher = new Argon2idHasher(PasswordCost.OWASP, new SecureRandom());

  @Test
  void aHashCarriesItsCostAndSaltAndMatchesOnlyItsPassword() {
    String hash = hasher.hash("Tartan-Hurdles-42");

    assertThat(hash)
        .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(hasher.verify("Tartan-Hurdles-42", hash)).isTrue();
    assertThat(hasher.verify("Tartan-Hurdles-43", hash)).isFalse();
    assertThat(hasher.verify("", hash)).isFalse();
    assertThat(hasher.hash("Tartan-Hurdles-42")).as("a fresh salt each time").isNotEqualTo(hash);
    assertThat(hasher.needsUpgrade(hash)).isFalse();
  }

  @Test
  void theReferenceImplementationsTestVectorVerifies() {
    // phc-winner-argon2 test.c: Argon2id v1.3, t=2, m=2^16, p=1, "password" / "somesalt".
    String reference =
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

    assertThat(hasher.verify("password", reference)).isTrue();
    assertThat(hasher.verify("Password", reference)).isFalse();
    assertThat(hasher.needsUpgrade(reference)).as("stronger than today's cost").isFalse();
  }

  @Test
  void aHashMadeAtALowerCostStillVerifiesAndAsksToBeUpgraded() {
    var weak = new Argon2idHasher(new PasswordCost(4096, 1, 1), new SplittableRandom(7));
    String old = weak.hash("Tartan-Hurdles-42");

    assertThat(Argon2idHasher.parse(old))
        .hasValueSatisfying(e -> assertThat(e.cost()).isEqualTo(new PasswordCost(4096, 1, 1)));
    assertThat(hasher.verify("Tartan-Hurdles-42", old)).isTrue();
    assertThat(hasher.needsUpgrade(old)).isTrue();
  }

  @Test
  void malformedOrForeignHashesMatchNothing() {
    String good = hasher.hash("Tartan-Hurdles-42");
    for (String bad :
        new String[] {
          "",
          "plain text",
          good.replace("argon2id", "argon2i"),
          good.replace("v=19", "v=16"),
          good.replace("m=19456", "m=99999999"),
          good.substring(0, good.length() - 2),
          good.replace("$v=19", ""),
          "$2b$12$abcdefghijklmnopqrstuuJ0u6V0o3gQhN3f1C3x6mU5o0z7q3uHa",
        }) {
      assertThat(hasher.verify("Tartan-Hurdles-42", bad)).as(bad).isFalse();
      assertThat(hasher.needsUpgrade(bad)).as(bad).isTrue();
    }
  }
}
