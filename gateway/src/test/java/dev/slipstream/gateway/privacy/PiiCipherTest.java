package dev.slipstream.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PiiCipherTest {
  private static final byte[] K1 = new byte[32];
  private static final byte[] K2 = new byte[32];

  static {
    K2[0] = 1;
  }

  private final PiiCipher cipher = new PiiCipher(PiiKeys.demo(), new SplittableRandom(3));

  @Test
  void aSealedValueOpensOnlyInItsOwnContextAndUnaltered() {
    String sealed = cipher.seal("ann@example.com", "row:1");
    assertThat(sealed).startsWith("v1.dev.").doesNotContain("ann");
    assertThat(cipher.open(sealed, "row:1")).isEqualTo("ann@example.com");
    assertThatThrownBy(() -> cipher.open(sealed, "row:2")).hasMessageContaining("does not open");
    char[] chars = sealed.toCharArray();
    chars[chars.length - 3] = chars[chars.length - 3] == 'A' ? 'B' : 'A';
    assertThatThrownBy(() -> cipher.open(new String(chars), "row:1"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(cipher.seal("ann@example.com", "row:1")).as("fresh nonce").isNotEqualTo(sealed);
  }

  @Test
  void anOldKeyStillOpensAfterANewOneIsPutFirst() {
    PiiCipher before =
        new PiiCipher(new PiiKeys(Map.of("k1", K1), K1, false), new SplittableRandom(1));
    String old = before.seal("Runner", "c");
    Map<String, byte[]> ring = new LinkedHashMap<>();
    ring.put("k2", K2);
    ring.put("k1", K1);
    PiiCipher after = new PiiCipher(new PiiKeys(ring, K1, false), new SplittableRandom(1));
    assertThat(after.open(old, "c")).isEqualTo("Runner");
    assertThat(after.isCurrent(old)).isFalse();
    assertThat(after.isCurrent(after.seal("Runner", "c"))).isTrue();
    assertThatThrownBy(
            () ->
                new PiiCipher(new PiiKeys(Map.of("k2", K2), K1, false), new SplittableRandom(1))
                    .open(old, "c"))
        .hasMessageContaining("not configured");
  }

  @Test
  void blindIndexesAreStableKeyedAndUnreadable() {
    assertThat(cipher.emailIndex("ann@example.com"))
        .isEqualTo(cipher.emailIndex("ann@example.com"))
        .isNotEqualTo(cipher.emailIndex("bob@example.com"))
        .hasSize(64)
        .doesNotContain("ann");
    PiiCipher other =
        new PiiCipher(new PiiKeys(Map.of("k1", K1), K2, false), new SplittableRandom(1));
    assertThat(other.emailIndex("ann@example.com"))
        .isNotEqualTo(cipher.emailIndex("ann@example.com"));
  }

  @Test
  void keysAreParsedAndBadOnesNamed() {
    String b64 = java.util.Base64.getEncoder().encodeToString(K2);
    PiiKeys keys = PiiKeys.parse(List.of("new:" + b64, "old:" + b64), b64);
    assertThat(keys.currentKeyId()).isEqualTo("new");
    assertThat(keys.toString()).doesNotContain(b64);
    assertThatThrownBy(() -> PiiKeys.parse(List.of("nocolon"), b64))
        .hasMessageContaining("id:base64");
    assertThatThrownBy(() -> PiiKeys.parse(List.of("a:AAAA"), b64))
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> PiiKeys.parse(List.of("a:" + b64), "AAAA"))
        .hasMessageContaining("index key");
  }
}
