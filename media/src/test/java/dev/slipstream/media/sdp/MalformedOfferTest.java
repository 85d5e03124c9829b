package dev.slipstream.media.sdp;

import static dev.slipstream.media.sdp.Fixtures.CHROMIUM_WHIP;
import static dev.slipstream.media.sdp.Fixtures.assertRefused;
import static dev.slipstream.media.sdp.Fixtures.lineOf;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Offers that are not well-formed SDP: each is refused with invalid_sdp and the line at fault. */
class MalformedOfferTest {
  private static final String INVALID = "invalid_sdp";
  private final SdpNegotiator negotiator = Fixtures.negotiator();

  private void publish(String offer) {
    negotiator.answerPublisher(offer, Fixtures.local());
  }

  @Test
  void anEmptyBodyIsRefused() {
    assertRefused(() -> publish(" \r\n"), INVALID).hasMessage("the SDP is empty");
  }

  @Test
  void binaryGarbageIsRefusedAtItsFirstLine() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    String garbage = new String(png, StandardCharsets.UTF_8);

    assertRefused(() -> publish(garbage), INVALID)
        .hasMessage("line 1: holds bytes that are not UTF-8 text (is this an SDP?)");
  }

  @Test
  void aControlCharacterIsRefusedAtItsLine() {
    String offer = CHROMIUM_WHIP.replace("s=-", "s=\u0000");

    assertRefused(() -> publish(offer), INVALID)
        .hasMessage("line 3: holds the control character \\x00");
  }

  @Test
  void textThatIsNotSdpIsRefusedWithWhatWasFound() {
    assertRefused(() -> publish("hello world\r\n"), INVALID)
        .hasMessage("line 1: expected \"<letter>=<value>\" but found \"hello world\"");
  }

  @Test
  void aSetupRoleThatIsNoneOfTheFourIsRefusedAtItsLine() {
    String offer = CHROMIUM_WHIP.replace("a=setup:actpass", "a=setup:server");

    assertRefused(() -> publish(offer), INVALID)
        .hasMessage(
            "line "
                + lineOf(offer, "a=setup")
                + ": a=setup must be actpass, active, passive or holdconn, not \"server\"");
  }

  @Test
  void anSdpMustStartWithVersionZero() {
    assertRefused(() -> publish(CHROMIUM_WHIP.replace("v=0\r\n", "v=1\r\n")), INVALID)
        .hasMessage("line 1: an SDP starts with \"v=0\", not \"v=1\"");
  }

  @Test
  void anOfferCutOffInsideTheFingerprintIsRefusedAtThatLine() {
    int cut = CHROMIUM_WHIP.indexOf("a=fingerprint:") + "a=fingerprint:sha-256 EC:69:95".length();

    assertRefused(() -> publish(CHROMIUM_WHIP.substring(0, cut)), INVALID)
        .hasMessage(
            "line "
                + lineOf(CHROMIUM_WHIP, "a=fingerprint")
                + ": a=fingerprint sha-256 needs 32 colon-separated hex bytes, not \"EC:69:95\"");
  }

  @Test
  void anOfferCutOffBeforeItsMediaIsRefusedForHavingNone() {
    String sessionOnly = CHROMIUM_WHIP.substring(0, CHROMIUM_WHIP.indexOf("m=video"));

    assertRefused(() -> publish(sessionOnly), INVALID)
        .hasMessage("the SDP has no m= line, so it offers no media");
  }

  @Test
  void anOfferWithoutOriginIsRefused() {
    assertRefused(() -> publish(Fixtures.without(CHROMIUM_WHIP, "o=")), INVALID)
        .hasMessage("the SDP has no o= line (is it truncated?)");
  }

  @Test
  void aMediaLineWithoutFormatsIsRefusedWithItsShape() {
    String offer = CHROMIUM_WHIP.replaceFirst("m=video [^\r]*", "m=video 9");

    assertRefused(() -> publish(offer), INVALID)
        .hasMessage(
            "line "
                + lineOf(CHROMIUM_WHIP, "m=video")
                + ": m= line needs \"m=<media> <port> <proto> <formats>\"");
  }

  @Test
  void aPayloadTypeAbove127IsRefused() {
    String offer =
        CHROMIUM_WHIP.replace("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=audio 9 UDP/TLS/RTP/SAVPF 300");

    assertRefused(() -> publish(offer), INVALID)
        .hasMessage(
            "line "
                + lineOf(CHROMIUM_WHIP, "m=audio")
                + ": m= line needs"
                + " \"m=<media> <port> <proto> <formats>\" with payload types 0 to 127; 300 is"
                + " outside 0 to 127");
  }

  @Test
  void anRtpmapWithoutClockRateIsRefused() {
    String offer = CHROMIUM_WHIP.replace("a=rtpmap:96 VP8/90000", "a=rtpmap:96 VP8");

    assertRefused(() -> publish(offer), INVALID)
        .hasMessage(
            "line "
                + lineOf(CHROMIUM_WHIP, "a=rtpmap:96 ")
                + ": a=rtpmap needs \"a=rtpmap:<payload type> <codec>/<clock rate>[/<channels>]\"");
  }

  @Test
  void aShortIcePasswordIsRefused() {
    String offer = CHROMIUM_WHIP.replace("a=ice-pwd:RdJV4hmRbuGXWyQWNNJb4SGE", "a=ice-pwd:short");

    assertRefused(() -> publish(offer), INVALID)
        .hasMessage(
            "line "
                + lineOf(CHROMIUM_WHIP, "a=ice-pwd")
                + ": a=ice-pwd must be 22 to 256 letters, digits, '+' or '/', not \"short\"");
  }

  @Test
  void anUnknownFingerprintHashIsRefused() {
    String offer = CHROMIUM_WHIP.replace("a=fingerprint:sha-256", "a=fingerprint:md5");

    assertRefused(() -> publish(offer), INVALID)
        .hasMessage(
            "line "
                + lineOf(CHROMIUM_WHIP, "a=fingerprint")
                + ": a=fingerprint hash \"md5\" is not one of sha-1, sha-224, sha-256, sha-384,"
                + " sha-512");
  }

  @Test
  void twoSectionsWithOneMidAreRefused() {
    String offer = CHROMIUM_WHIP.replace("a=mid:1", "a=mid:0");

    assertRefused(() -> publish(offer), INVALID)
        .hasMessage(
            "line "
                + lineOf(CHROMIUM_WHIP, "m=audio")
                + ": audio section has a=mid:0, which an earlier one has");
  }

  @Test
  void anOfferLargerThan64KibIsRefusedBeforeParsing() {
    String offer = CHROMIUM_WHIP + "a=x-padding:" + "p".repeat(SdpLine.MAX_CHARS) + "\r\n";

    assertRefused(() -> publish(offer), INVALID)
        .hasMessage("the SDP is " + offer.length() + " characters; at most 65536 are accepted");
  }

  @Test
  void moreThan64MediaSectionsAreRefused() {
    String section = "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n";
    String offer = CHROMIUM_WHIP + section.repeat(63);

    assertRefused(() -> publish(offer), INVALID)
        .hasMessage(
            "line " + (CHROMIUM_WHIP.split("\r\n").length + 125) + ": more than 64 media sections");
  }
}
