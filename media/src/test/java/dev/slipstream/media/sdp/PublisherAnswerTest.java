package dev.slipstream.media.sdp;

import static dev.slipstream.media.sdp.Fixtures.CHROMIUM_WHIP;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PublisherAnswerTest {
  private final Negotiation chromium = Fixtures.chromiumPublisher();

  private static int chosenVideoPayloadType(String... videoCodecLines) {
    return Fixtures.publisher(videoCodecLines)
        .media(MediaKind.VIDEO)
        .orElseThrow()
        .codec()
        .payloadType();
  }

  @Test
  void chromiumGetsConstrainedBaselineH264AndOpusUnderItsOwnPayloadTypes() {
    assertThat(chromium.media()).extracting(NegotiatedMedia::mid).containsExactly("0", "1");
    assertThat(chromium.media(MediaKind.VIDEO).orElseThrow().codec())
        .isEqualTo(
            new NegotiatedCodec(
                108,
                "H264",
                90_000,
                1,
                Map.of(
                    "level-asymmetry-allowed",
                    "1",
                    "packetization-mode",
                    "1",
                    "profile-level-id",
                    "42e01f")));
    assertThat(chromium.media(MediaKind.AUDIO).orElseThrow().codec())
        .isEqualTo(
            new NegotiatedCodec(
                111, "opus", 48_000, 2, Map.of("minptime", "10", "useinbandfec", "1")));
  }

  @Test
  void onlyTheFeedbackAndHeaderExtensionWeActOnAreKept() {
    NegotiatedMedia video = chromium.media(MediaKind.VIDEO).orElseThrow();
    NegotiatedMedia audio = chromium.media(MediaKind.AUDIO).orElseThrow();

    assertThat(video.rtcpFeedback()).containsExactlyInAnyOrder("nack", "nack pli", "ccm fir");
    assertThat(audio.rtcpFeedback()).isEmpty();
    assertThat(video.headerExtensionIds()).isEqualTo(Map.of(NegotiatedMedia.SDES_MID, 9));
    assertThat(chromium.answerSdp())
        .doesNotContain("transport-cc", "goog-remb", "abs-send-time", "rtx", "red/", "ulpfec")
        .contains("a=rtcp-fb:108 nack\r\na=rtcp-fb:108 nack pli\r\na=rtcp-fb:108 ccm fir\r\n");
  }

  @Test
  void theRemoteTransportAndMediaSsrcsAreReported() {
    assertThat(chromium.remoteIceUfrag()).isEqualTo("oiZs");
    assertThat(chromium.remoteIcePwd()).isEqualTo("RdJV4hmRbuGXWyQWNNJb4SGE");
    assertThat(chromium.remoteFingerprintAlgorithm()).isEqualTo("sha-256");
    assertThat(chromium.remoteFingerprintHex()).startsWith("EC:69:95:50:52:E6");
    assertThat(chromium.media(MediaKind.VIDEO).orElseThrow().remoteSsrcs())
        .containsExactly(1_724_461_836L);
    assertThat(chromium.media(MediaKind.AUDIO).orElseThrow().remoteSsrcs())
        .containsExactly(379_284_619L);
  }

  @Test
  void theAnswerMakesUsAnIceLiteDtlsServerThatReceivesOnOneBundledTransport() {
    String answer = chromium.answerSdp();

    assertThat(answer)
        .startsWith("v=0\r\no=- ")
        .contains("\r\na=ice-lite\r\n")
        .contains("\r\na=group:BUNDLE 0 1\r\n");
    for (String each :
        new String[] {
          "a=setup:passive",
          "a=recvonly",
          "a=rtcp-mux",
          "a=ice-ufrag:srvUfrag",
          "a=ice-pwd:serverPasswordThatIsLongEnough",
          "a=fingerprint:sha-256 " + Fixtures.OUR_FINGERPRINT,
          "a=candidate:1 1 udp 2130706431 203.0.113.7 3478 typ host",
          "a=candidate:2 1 tcp 1518280447 203.0.113.7 3478 typ host tcptype passive",
          "a=end-of-candidates"
        }) {
      assertThat(answer.split(each + "\r\n", -1)).as(each).hasSize(3);
    }
    assertThat(answer)
        .contains("m=video 9 UDP/TLS/RTP/SAVPF 108\r\n")
        .contains("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n")
        .doesNotContain("a=sendonly", "a=setup:act");
  }

  @Test
  void theAnswerIsCrlfSdpThatParsesAndComesOutTheSameForTheSameSeed() {
    String answer = chromium.answerSdp();

    assertThat(answer.replace("\r\n", "")).doesNotContain("\n", "\r");
    assertThat(answer).endsWith("\r\n");
    assertThat(OfferParser.parse(answer).media()).hasSize(2);
    assertThat(Fixtures.chromiumPublisher().answerSdp()).isEqualTo(answer);
  }

  @Test
  void constrainedBaselineAtAnotherLevelBeatsOtherH264Profiles() {
    assertThat(
            chosenVideoPayloadType(
                "a=rtpmap:96 H264/90000", "a=fmtp:96 packetization-mode=1;profile-level-id=4d001f",
                "a=rtpmap:97 H264/90000", "a=fmtp:97 packetization-mode=1;profile-level-id=42e034"))
        .isEqualTo(97);
  }

  @Test
  void anyH264WithPacketizationModeOneBeatsVp8() {
    assertThat(
            chosenVideoPayloadType(
                "a=rtpmap:96 VP8/90000",
                "a=rtpmap:97 H264/90000",
                "a=fmtp:97 packetization-mode=1;profile-level-id=640028"))
        .isEqualTo(97);
  }

  @Test
  void vp8IsTakenWhenH264IsOfferedOnlyInSingleNalMode() {
    assertThat(
            chosenVideoPayloadType(
                "a=rtpmap:96 H264/90000",
                "a=fmtp:96 profile-level-id=42e01f",
                "a=rtpmap:97 VP8/90000"))
        .isEqualTo(97);
  }

  @Test
  void betweenEquallyGoodCodecsTheOfferersOrderWins() {
    assertThat(chosenVideoPayloadType("a=rtpmap:100 VP8/90000", "a=rtpmap:99 VP8/90000"))
        .isEqualTo(100);
  }

  @Test
  void anEncoderOfferWithIceAtSessionLevelIsAnswered() {
    Negotiation encoder =
        Fixtures.negotiator().answerPublisher(Fixtures.MINIMAL_WHIP, Fixtures.local());

    assertThat(encoder.remoteIceUfrag()).isEqualTo("enc0");
    NegotiatedMedia video = encoder.media(MediaKind.VIDEO).orElseThrow();
    assertThat(video.codec().fmtp()).containsEntry("profile-level-id", "640028");
    assertThat(video.rtcpFeedback()).containsExactlyInAnyOrder("nack", "nack pli");
    assertThat(video.headerExtensionIds()).isEmpty();
    assertThat(video.remoteSsrcs()).containsExactly(305_419_896L);
  }

  @Test
  void sectionsBeyondOneAudioAndOneVideoAreRejectedWithPortZeroAndLeftOutOfTheBundle() {
    String offer =
        CHROMIUM_WHIP.replace("a=group:BUNDLE 0 1", "a=group:BUNDLE 0 1 2 3")
            + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n"
            + "a=mid:2\r\na=sctp-port:5000\r\n"
            + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:3\r\na=sendonly\r\n"
            + "a=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\n";

    Negotiation answered = Fixtures.negotiator().answerPublisher(offer, Fixtures.local());

    assertThat(answered.media()).extracting(NegotiatedMedia::mid).containsExactly("0", "1");
    assertThat(answered.answerSdp())
        .contains("a=group:BUNDLE 0 1\r\n")
        .endsWith(
            "m=application 0 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n"
                + "a=mid:2\r\na=inactive\r\n"
                + "m=video 0 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:3\r\na=inactive\r\n");
  }

  /** Firefox with max-bundle sends later sections with port 0, bundle-only and no transport. */
  @Test
  void aBundleOnlySectionIsAcceptedOnTheTaggedSectionsTransport() {
    int audio = CHROMIUM_WHIP.indexOf("m=audio");
    String offer =
        CHROMIUM_WHIP.substring(0, audio)
            + Fixtures.without(
                    CHROMIUM_WHIP.substring(audio),
                    "a=ice-",
                    "a=fingerprint",
                    "a=setup",
                    "a=candidate")
                .replace("m=audio 9 ", "m=audio 0 ")
                .replace("a=mid:1\r\n", "a=mid:1\r\na=bundle-only\r\n");

    Negotiation answered = Fixtures.negotiator().answerPublisher(offer, Fixtures.local());

    assertThat(answered.media()).extracting(NegotiatedMedia::mid).containsExactly("0", "1");
    assertThat(answered.remoteIceUfrag()).isEqualTo("oiZs");
    assertThat(answered.answerSdp()).contains("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n");
  }

  @Test
  void aSendrecvOfferIsAnsweredRecvonly() {
    Negotiation answered =
        Fixtures.negotiator()
            .answerPublisher(CHROMIUM_WHIP.replace("a=sendonly", "a=sendrecv"), Fixtures.local());

    assertThat(answered.answerSdp()).contains("a=recvonly").doesNotContain("a=sendrecv");
  }

  @Test
  void anAudioOnlyPublisherNegotiatesJustAudio() {
    String offer =
        Fixtures.offer("sendonly", "a=rtpmap:96 VP8/90000")
            .replace(
                "a=sendonly\r\na=rtcp-mux\r\na=rtpmap:96",
                "a=inactive\r\na=rtcp-mux\r\na=rtpmap:96");

    Negotiation answered = Fixtures.negotiator().answerPublisher(offer, Fixtures.local());

    assertThat(answered.media()).extracting(NegotiatedMedia::kind).containsExactly(MediaKind.AUDIO);
    assertThat(Set.copyOf(Arrays.asList(answered.answerSdp().split("\r\n"))))
        .contains("m=video 0 UDP/TLS/RTP/SAVPF 96", "a=group:BUNDLE 1");
  }
}
