package dev.slipstream.media.ice;

import static dev.slipstream.media.ice.Rfc5769Vectors.PASSWORD;
import static dev.slipstream.media.ice.Rfc5769Vectors.SAMPLE_IPV4_RESPONSE;
import static dev.slipstream.media.ice.Rfc5769Vectors.SAMPLE_IPV6_RESPONSE;
import static dev.slipstream.media.ice.Rfc5769Vectors.SAMPLE_REQUEST;
import static dev.slipstream.media.ice.Rfc5769Vectors.TRANSACTION_ID;
import static dev.slipstream.media.ice.Rfc5769Vectors.USERNAME;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class StunCodecTest {
  private static final byte[] KEY = PASSWORD.getBytes(StandardCharsets.UTF_8);
  private static final StunTransactionId ID =
      new StunTransactionId(HexFormat.of().parseHex(TRANSACTION_ID));
  private static final StunEncoder SPACE_PADDED = new StunEncoder((byte) ' ');

  @Test
  void theSampleRequestDecodesWithEveryAttributeAndPassesBothChecks() {
    ReceivedStun stun = parsed(SAMPLE_REQUEST);

    assertThat(stun.message())
        .isEqualTo(
            new StunMessage(
                StunClass.REQUEST,
                StunClass.BINDING,
                ID,
                List.of(
                    new StunAttribute.Software("STUN test client"),
                    new StunAttribute.Priority(0x6e0001ffL),
                    new StunAttribute.IceControlled(0x932ff9b151263b36L),
                    new StunAttribute.Username(USERNAME))));
    assertThat(stun.integrityMatches(KEY)).isTrue();
    assertThat(stun.fingerprintMatches()).isTrue();
    assertThat(stun.integrityMatches("VOkJxbRl1RmTxUk/WvJxBu".getBytes(StandardCharsets.UTF_8)))
        .isFalse();
  }

  @Test
  void theSampleIpv4ResponseCarriesItsMappedAddressAndPassesBothChecks() throws Exception {
    ReceivedStun stun = parsed(SAMPLE_IPV4_RESPONSE);

    assertThat(stun.message().messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    assertThat(stun.message().find(StunAttribute.XorMappedAddress.class))
        .contains(new StunAttribute.XorMappedAddress(address("192.0.2.1", 32853)));
    assertThat(stun.integrityMatches(KEY)).isTrue();
    assertThat(stun.fingerprintMatches()).isTrue();
  }

  @Test
  void theSampleIpv6ResponseCarriesItsMappedAddressAndPassesBothChecks() throws Exception {
    ReceivedStun stun = parsed(SAMPLE_IPV6_RESPONSE);

    assertThat(stun.message().find(StunAttribute.XorMappedAddress.class))
        .contains(
            new StunAttribute.XorMappedAddress(
                address("2001:db8:1234:5678:11:2233:4455:6677", 32853)));
    assertThat(stun.integrityMatches(KEY)).isTrue();
    assertThat(stun.fingerprintMatches()).isTrue();
  }

  @Test
  void theEncoderReproducesEverySampleByteForByteWhenItPadsWithSpacesAsTheRfcDoes() {
    for (byte[] sample : List.of(SAMPLE_REQUEST, SAMPLE_IPV4_RESPONSE, SAMPLE_IPV6_RESPONSE)) {
      StunMessage message = parsed(sample).message();

      assertThat(SPACE_PADDED.encode(message, KEY, true)).isEqualTo(sample);
    }
  }

  @Test
  void aMessageEncodedWithZeroPaddingDecodesToItselfAndVerifies() {
    StunMessage message = parsed(SAMPLE_REQUEST).message();

    ReceivedStun again = parsed(message.encodeSigned(KEY));

    assertThat(again.message()).isEqualTo(message);
    assertThat(again.integrityMatches(KEY)).isTrue();
    assertThat(again.fingerprintMatches()).isTrue();
  }

  @Test
  void messageTypesInterleaveClassBitsWithTheMethod() {
    assertThat(typeOf(StunClass.REQUEST)).isEqualTo(0x0001);
    assertThat(typeOf(StunClass.INDICATION)).isEqualTo(0x0011);
    assertThat(typeOf(StunClass.SUCCESS_RESPONSE)).isEqualTo(0x0101);
    assertThat(typeOf(StunClass.ERROR_RESPONSE)).isEqualTo(0x0111);
  }

  @Test
  void unknownComprehensionOptionalAttributesAreSkippedOverAndKeptRaw() {
    StunMessage message =
        new StunMessage(
            StunClass.REQUEST,
            StunClass.BINDING,
            ID,
            List.of(
                new StunAttribute.Unknown(0xC057, new byte[] {0, 1, 0, 5, 9}),
                new StunAttribute.Username(USERNAME)));

    ReceivedStun stun = parsed(message.encodeSigned(KEY));

    assertThat(stun.message().username()).contains(USERNAME);
    assertThat(stun.message().find(StunAttribute.Unknown.class).orElseThrow())
        .satisfies(u -> assertThat(u.comprehensionRequired()).isFalse())
        .isEqualTo(new StunAttribute.Unknown(0xC057, new byte[] {0, 1, 0, 5, 9}));
    assertThat(stun.integrityMatches(KEY)).isTrue();
  }

  @Test
  void attributesAfterMessageIntegrityOtherThanFingerprintAreIgnored() {
    byte[] signed =
        new StunMessage(StunClass.REQUEST, StunClass.BINDING, ID, List.of()).encode(KEY, false);
    byte[] extra = Rfc5769Vectors.hex("00 06 00 04 61 3a 62 63");
    byte[] withTrailer = new byte[signed.length + extra.length];
    System.arraycopy(signed, 0, withTrailer, 0, signed.length);
    System.arraycopy(extra, 0, withTrailer, signed.length, extra.length);
    withTrailer[3] = (byte) (withTrailer.length - 20);

    ReceivedStun stun = parsed(withTrailer);

    assertThat(stun.message().username()).isEmpty();
    assertThat(stun.integrityMatches(KEY)).isTrue();
  }

  @Test
  void errorCodeAndUnknownAttributesSurviveARoundTrip() {
    StunMessage message =
        new StunMessage(
            StunClass.ERROR_RESPONSE,
            StunClass.BINDING,
            ID,
            List.of(
                new StunAttribute.ErrorCode(420, "Unknown Attribute"),
                new StunAttribute.UnknownAttributes(List.of(0x0031, 0x7FFF))));

    assertThat(parsed(message.encode()).message()).isEqualTo(message);
  }

  private static int typeOf(StunClass c) {
    byte[] wire = new StunMessage(c, StunClass.BINDING, ID, List.of()).encode();
    return ((wire[0] & 0xFF) << 8) | (wire[1] & 0xFF);
  }

  static ReceivedStun parsed(byte[] wire) {
    StunParseResult result = StunMessage.decode(wire, 0, wire.length);
    assertThat(result).isInstanceOf(StunParseResult.Parsed.class);
    return ((StunParseResult.Parsed) result).stun();
  }

  private static InetSocketAddress address(String ip, int port) throws Exception {
    return new InetSocketAddress(InetAddress.getByName(ip), port);
  }
}
