package dev.slipstream.media.ice;

import static dev.slipstream.media.ice.Rfc5769Vectors.SAMPLE_IPV6_RESPONSE;
import static dev.slipstream.media.ice.Rfc5769Vectors.SAMPLE_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StunMalformedInputTest {

  @Test
  void everyTruncationOfTheSampleRequestIsMalformedNotAMessage() {
    for (int length = 0; length < SAMPLE_REQUEST.length; length++) {
      assertThat(StunMessage.decode(SAMPLE_REQUEST, 0, length))
          .as("first %d bytes", length)
          .isInstanceOf(StunParseResult.Malformed.class);
    }
  }

  @Test
  void aShortBufferIsTooShort() {
    assertThat(errorOf(new byte[19])).isEqualTo(StunParseError.TOO_SHORT);
  }

  @Test
  void aWrongMagicCookieOrSetTopBitsAreNotStun() {
    byte[] cookie = SAMPLE_REQUEST.clone();
    cookie[5] ^= 1;
    byte[] topBits = SAMPLE_REQUEST.clone();
    topBits[0] |= (byte) 0x80;

    assertThat(errorOf(cookie)).isEqualTo(StunParseError.NOT_STUN);
    assertThat(errorOf(topBits)).isEqualTo(StunParseError.NOT_STUN);
  }

  @Test
  void aLengthFieldThatDisagreesWithTheDatagramIsBadLength() {
    byte[] longer = Arrays.copyOf(SAMPLE_REQUEST, SAMPLE_REQUEST.length + 4);
    byte[] odd = SAMPLE_REQUEST.clone();
    odd[3] = 0x57;

    assertThat(errorOf(longer)).isEqualTo(StunParseError.BAD_LENGTH);
    assertThat(errorOf(odd)).isEqualTo(StunParseError.BAD_LENGTH);
  }

  @Test
  void anAttributeRunningPastTheEndIsTruncated() {
    byte[] overrun = SAMPLE_REQUEST.clone();
    overrun[22] = 0x01; // SOFTWARE now claims 0x0110 bytes

    assertThat(errorOf(overrun)).isEqualTo(StunParseError.TRUNCATED_ATTRIBUTE);
  }

  @Test
  void anAttributeOfTheWrongShapeIsABadValue() {
    byte[] family = SAMPLE_IPV6_RESPONSE.clone();
    family[41] = 0x03; // XOR-MAPPED-ADDRESS family 3
    byte[] priority = SAMPLE_REQUEST.clone();
    priority[43] = 0x05; // PRIORITY claims 5 bytes

    assertThat(errorOf(family)).isEqualTo(StunParseError.BAD_ATTRIBUTE_VALUE);
    assertThat(errorOf(priority)).isEqualTo(StunParseError.BAD_ATTRIBUTE_VALUE);
  }

  @Test
  void anythingAfterFingerprintIsMalformed() {
    byte[] trailing = Arrays.copyOf(SAMPLE_REQUEST, SAMPLE_REQUEST.length + 4);
    trailing[3] += 4;
    trailing[SAMPLE_REQUEST.length + 1] = 0x25; // USE-CANDIDATE after FINGERPRINT

    assertThat(errorOf(trailing)).isEqualTo(StunParseError.ATTRIBUTE_AFTER_FINGERPRINT);
  }

  @Test
  void randomCorruptionOfARealRequestNeverThrows() {
    SplittableRandom random = new SplittableRandom(5769);
    for (int i = 0; i < 20_000; i++) {
      byte[] corrupt = SAMPLE_REQUEST.clone();
      int flips = 1 + random.nextInt(4);
      for (int f = 0; f < flips; f++) {
        corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
      }
      int length = random.nextInt(4) == 0 ? random.nextInt(corrupt.length + 1) : corrupt.length;

      StunParseResult result = StunMessage.decode(corrupt, 0, length);

      if (result instanceof StunParseResult.Parsed p) {
        p.stun().integrityMatches(Rfc5769Vectors.PASSWORD.getBytes(StandardCharsets.UTF_8));
        p.stun().fingerprintMatches();
      }
    }
  }

  @Test
  void randomBytesNeverThrow() {
    SplittableRandom random = new SplittableRandom(8489);
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes = new byte[random.nextInt(120)];
      random.nextBytes(bytes);
      if (bytes.length >= 8 && random.nextBoolean()) {
        System.arraycopy(SAMPLE_REQUEST, 0, bytes, 0, 8);
        bytes[3] = (byte) ((bytes.length - 20) & ~3);
      }

      assertThat(StunMessage.decode(bytes, 0, bytes.length)).isNotNull();
    }
  }

  private static StunParseError errorOf(byte[] bytes) {
    StunParseResult result = StunMessage.decode(bytes, 0, bytes.length);
    assertThat(result).isInstanceOf(StunParseResult.Malformed.class);
    return ((StunParseResult.Malformed) result).error();
  }
}
