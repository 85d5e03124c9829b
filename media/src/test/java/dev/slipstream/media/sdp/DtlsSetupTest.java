package dev.slipstream.media.sdp;

import static dev.slipstream.media.sdp.Fixtures.CHROMIUM_WHEP;
import static dev.slipstream.media.sdp.Fixtures.CHROMIUM_WHIP;
import static dev.slipstream.media.sdp.Fixtures.FFMPEG_WHIP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.media.srtp.DtlsRole;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Which end of DTLS we play, read from the offer's {@code a=setup} (RFC 5763 §5): the server for
 * {@code actpass}, {@code active} or no line; the client for {@code passive}, which FFmpeg's whip
 * muxer offers because it runs the DTLS server itself.
 */
class DtlsSetupTest {
  private final SdpNegotiator negotiator = Fixtures.negotiator();

  private Negotiation publish(String offer) {
    return negotiator.answerPublisher(offer, Fixtures.local());
  }

  private static long count(String sdp, String line) {
    return Arrays.stream(sdp.split("\r\n")).filter(line::equals).count();
  }

  @Test
  void anActpassOfferMakesUsTheServerAnsweringPassive() {
    Negotiation answered = publish(CHROMIUM_WHIP);

    assertThat(answered.dtlsRole()).isEqualTo(DtlsRole.SERVER);
    assertThat(count(answered.answerSdp(), "a=setup:passive")).isEqualTo(2);
    assertThat(answered.answerSdp()).doesNotContain("a=setup:active");
  }

  @Test
  void anActiveOfferMakesUsTheServerAnsweringPassive() {
    Negotiation answered = publish(CHROMIUM_WHIP.replace("a=setup:actpass", "a=setup:active"));

    assertThat(answered.dtlsRole()).isEqualTo(DtlsRole.SERVER);
    assertThat(count(answered.answerSdp(), "a=setup:passive")).isEqualTo(2);
  }

  @Test
  void anOfferWithoutSetupIsReadAsActiveAndMakesUsTheServer() {
    Negotiation answered = publish(Fixtures.without(CHROMIUM_WHIP, "a=setup"));

    assertThat(answered.dtlsRole()).isEqualTo(DtlsRole.SERVER);
    assertThat(count(answered.answerSdp(), "a=setup:passive")).isEqualTo(2);
  }

  @Test
  void aPassiveOfferMakesUsTheClientAnsweringActive() {
    Negotiation answered = publish(CHROMIUM_WHIP.replace("a=setup:actpass", "a=setup:passive"));

    assertThat(answered.dtlsRole()).isEqualTo(DtlsRole.CLIENT);
    assertThat(count(answered.answerSdp(), "a=setup:active")).isEqualTo(2);
    assertThat(answered.answerSdp()).doesNotContain("a=setup:passive");
  }

  @Test
  void ffmpegsWhipOfferIsAnsweredWithUsAsTheDtlsClient() {
    Negotiation ffmpeg = publish(FFMPEG_WHIP);

    assertThat(ffmpeg.dtlsRole()).isEqualTo(DtlsRole.CLIENT);
    assertThat(ffmpeg.remoteIceUfrag()).isEqualTo("6b8b4567");
    assertThat(ffmpeg.remoteFingerprintAlgorithm()).isEqualTo("sha-256");
    assertThat(ffmpeg.remoteFingerprintHex()).startsWith("3F:9A:61:C2");
    assertThat(ffmpeg.media(MediaKind.AUDIO).orElseThrow().codec().payloadType()).isEqualTo(111);
    assertThat(ffmpeg.media(MediaKind.VIDEO).orElseThrow().codec().payloadType()).isEqualTo(106);
    assertThat(ffmpeg.media(MediaKind.VIDEO).orElseThrow().codec().fmtp())
        .containsEntry("packetization-mode", "1")
        .containsEntry("profile-level-id", "42e01f");
    String answer = ffmpeg.answerSdp();
    assertThat(answer)
        .contains("a=ice-lite\r\n", "a=group:BUNDLE 0 1\r\n")
        .contains("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n", "m=video 9 UDP/TLS/RTP/SAVPF 106\r\n")
        .doesNotContain("a=setup:passive");
    assertThat(count(answer, "a=setup:active")).isEqualTo(2);
    assertThat(count(answer, "a=recvonly")).isEqualTo(2);
  }

  @Test
  void aViewerWhoseOfferIsPassiveGetsUsAsTheClientToo() {
    Negotiation viewer =
        negotiator.answerViewer(
            CHROMIUM_WHEP.replace("a=setup:actpass", "a=setup:passive"),
            StreamCodecs.of(Fixtures.chromiumPublisher()),
            Fixtures.local(),
            Fixtures.ssrcs());

    assertThat(viewer.dtlsRole()).isEqualTo(DtlsRole.CLIENT);
    assertThat(count(viewer.answerSdp(), "a=setup:active")).isEqualTo(2);
  }
}
