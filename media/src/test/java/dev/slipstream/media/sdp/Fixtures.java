package dev.slipstream.media.sdp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.platform.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Offers captured or written for tests, our side of a session, and offer-editing helpers. */
final class Fixtures {
  static final String CHROMIUM_WHIP = read("chromium-whip-offer.sdp");
  static final String CHROMIUM_WHEP = read("chromium-whep-offer.sdp");
  static final String FFMPEG_WHIP = read("ffmpeg-whip-offer.sdp");
  static final String MINIMAL_WHIP = read("minimal-whip-offer.sdp");

  static final String OUR_FINGERPRINT =
      "3F:9A:61:C2:D0:7E:5B:14:48:A2:C9:E0:73:16:FD:52:B8:E4:3A:0C:9D:1F:76:E2:5A:08:B3:C4:D7:E6:F1:90";

  private Fixtures() {}

  static SdpNegotiator negotiator() {
    return SdpNegotiator.create(new SplittableRandom(7));
  }

  static LocalTransport local() {
    return new LocalTransport(
        "srvUfrag",
        "serverPasswordThatIsLongEnough",
        "sha-256",
        OUR_FINGERPRINT,
        List.of(
            new Candidate("1", 1, Candidate.Protocol.UDP, 2_130_706_431L, "203.0.113.7", 3478),
            new Candidate("2", 1, Candidate.Protocol.TCP, 1_518_280_447L, "203.0.113.7", 3478)));
  }

  static SendSsrcs ssrcs() {
    return new SendSsrcs(0x1111_1111L, 0x2222_2222L, "slipstream", "str_0123456789abcdef");
  }

  static Negotiation chromiumPublisher() {
    return negotiator().answerPublisher(CHROMIUM_WHIP, local());
  }

  /**
   * Returns a small offer whose video section holds the given codec lines and whose audio section
   * offers Opus, ICE and DTLS at session level.
   *
   * @param direction {@code sendonly} for WHIP, {@code recvonly} for WHEP
   * @param videoCodecLines {@code a=rtpmap}, {@code a=fmtp} and {@code a=rtcp-fb} lines; the format
   *     list is taken from the rtpmap lines
   */
  static String offer(String direction, String... videoCodecLines) {
    String formats =
        Arrays.stream(videoCodecLines)
            .filter(l -> l.startsWith("a=rtpmap:"))
            .map(l -> l.substring("a=rtpmap:".length(), l.indexOf(' ')))
            .collect(Collectors.joining(" "));
    return String.join(
            "\r\n",
            "v=0",
            "o=- 1 1 IN IP4 0.0.0.0",
            "s=-",
            "t=0 0",
            "a=group:BUNDLE 0 1",
            "a=ice-ufrag:test",
            "a=ice-pwd:testpasswordtestpassword",
            "a=fingerprint:sha-256 " + OUR_FINGERPRINT.replace('3', '4'),
            "a=setup:actpass",
            "m=video 9 UDP/TLS/RTP/SAVPF " + formats,
            "c=IN IP4 0.0.0.0",
            "a=mid:0",
            "a=" + direction,
            "a=rtcp-mux",
            String.join("\r\n", videoCodecLines),
            "m=audio 9 UDP/TLS/RTP/SAVPF 111",
            "c=IN IP4 0.0.0.0",
            "a=mid:1",
            "a=" + direction,
            "a=rtcp-mux",
            "a=rtpmap:111 opus/48000/2")
        + "\r\n";
  }

  /** Returns a publisher negotiation for a stream that sends video with these codec lines. */
  static Negotiation publisher(String... videoCodecLines) {
    return negotiator().answerPublisher(offer("sendonly", videoCodecLines), local());
  }

  /** Returns the SDP without the lines that start with any of the prefixes. */
  static String without(String sdp, String... prefixes) {
    return Arrays.stream(sdp.split("\r\n"))
        .filter(line -> Arrays.stream(prefixes).noneMatch(line::startsWith))
        .collect(Collectors.joining("\r\n", "", "\r\n"));
  }

  /** Returns the 1-based number of the first line that starts with the prefix. */
  static int lineOf(String sdp, String prefix) {
    List<String> lines = Arrays.asList(sdp.split("\r?\n"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line starts with " + prefix);
  }

  /** Asserts that an action throws {@code invalid_sdp}, {@code no_supported_codec}, ... */
  static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      ThrowingCallable action, String code) {
    return assertThatThrownBy(action)
        .isInstanceOf(InvalidInputException.class)
        .hasFieldOrPropertyWithValue("code", code);
  }

  private static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/sdp/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /sdp/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
