package dev.slipstream.media.sdp;

import static dev.slipstream.media.sdp.Fixtures.CHROMIUM_WHEP;
import static dev.slipstream.media.sdp.Fixtures.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewerAnswerTest {
  private static final String[] CONSTRAINED_BASELINE = {
    "a=rtpmap:96 H264/90000",
    "a=fmtp:96 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f"
  };

  private static Negotiation view(String viewerOffer, Negotiation publisher) {
    return Fixtures.negotiator()
        .answerViewer(viewerOffer, StreamCodecs.of(publisher), Fixtures.local(), Fixtures.ssrcs());
  }

  private static int viewerVideoPayloadType(String viewerOffer, Negotiation publisher) {
    return view(viewerOffer, publisher).media(MediaKind.VIDEO).orElseThrow().codec().payloadType();
  }

  @Test
  void aChromiumViewerReceivesTheChromiumPublishersCodecsUnderItsOwnPayloadTypes() {
    Negotiation viewer = view(CHROMIUM_WHEP, Fixtures.chromiumPublisher());

    assertThat(viewer.media()).extracting(m -> m.codec().payloadType()).containsExactly(108, 111);
    assertThat(viewer.media()).extracting(m -> m.codec().name()).containsExactly("H264", "opus");
    assertThat(viewer.media()).allSatisfy(m -> assertThat(m.remoteSsrcs()).isEmpty());
    assertThat(viewer.remoteIceUfrag()).isEqualTo("mJJt");
  }

  @Test
  void theAnswerSendsAndDeclaresOurSsrcsAndStreamNames() {
    String answer = view(CHROMIUM_WHEP, Fixtures.chromiumPublisher()).answerSdp();

    assertThat(answer)
        .contains("a=group:BUNDLE 0 1\r\n", "a=ice-lite\r\n", "a=setup:passive\r\n")
        .contains("a=msid:str_0123456789abcdef str_0123456789abcdef-video\r\n")
        .contains("a=ssrc:286331153 cname:slipstream\r\n")
        .contains("a=msid:str_0123456789abcdef str_0123456789abcdef-audio\r\n")
        .contains("a=ssrc:572662306 cname:slipstream\r\n")
        .doesNotContain("a=recvonly");
    assertThat(answer.split("a=sendonly\r\n", -1)).hasSize(3);
  }

  @Test
  void payloadTypesFollowTheCodecNotTheNumber() {
    Negotiation publisher = Fixtures.publisher(CONSTRAINED_BASELINE);
    String viewer =
        Fixtures.offer(
            "recvonly",
            "a=rtpmap:96 VP8/90000",
            "a=rtpmap:125 H264/90000",
            "a=fmtp:125 packetization-mode=1;profile-level-id=42e01f");

    assertThat(publisher.media(MediaKind.VIDEO).orElseThrow().codec().payloadType()).isEqualTo(96);
    assertThat(viewerVideoPayloadType(viewer, publisher)).isEqualTo(125);
    assertThat(viewerVideoPayloadType(CHROMIUM_WHEP, publisher)).isEqualTo(108);
  }

  @Test
  void aVp8StreamGoesToTheViewersVp8PayloadType() {
    assertThat(viewerVideoPayloadType(CHROMIUM_WHEP, Fixtures.publisher("a=rtpmap:100 VP8/90000")))
        .isEqualTo(96);
  }

  @Test
  void aMainProfileStreamGoesToTheViewersMainProfilePayloadType() {
    Negotiation main =
        Fixtures.publisher(
            "a=rtpmap:96 H264/90000", "a=fmtp:96 packetization-mode=1;profile-level-id=4d0028");

    assertThat(viewerVideoPayloadType(CHROMIUM_WHEP, main)).isEqualTo(116);
  }

  @Test
  void aConstrainedBaselineStreamGoesToAViewerThatDecodesOnlyMainProfile() {
    String mainOnly =
        Fixtures.offer(
            "recvonly",
            "a=rtpmap:100 H264/90000",
            "a=fmtp:100 packetization-mode=1;profile-level-id=4d001f");

    assertThat(viewerVideoPayloadType(mainOnly, Fixtures.publisher(CONSTRAINED_BASELINE)))
        .isEqualTo(100);
  }

  @Test
  void theSameProfileIsPreferredOverOneThatMerelyDecodesIt() {
    String viewer =
        Fixtures.offer(
            "recvonly",
            "a=rtpmap:100 H264/90000",
            "a=fmtp:100 packetization-mode=1;profile-level-id=4d001f",
            "a=rtpmap:101 H264/90000",
            "a=fmtp:101 packetization-mode=1;profile-level-id=42e00d");

    assertThat(viewerVideoPayloadType(viewer, Fixtures.publisher(CONSTRAINED_BASELINE)))
        .isEqualTo(101);
  }

  @Test
  void aViewerOfferingH264OnlyInAnotherPacketizationModeHasNoCompatibleCodec() {
    String singleNal =
        Fixtures.offer(
            "recvonly",
            "a=rtpmap:100 H264/90000",
            "a=fmtp:100 packetization-mode=0;profile-level-id=42e01f");

    assertRefused(
            () -> view(singleNal, Fixtures.publisher(CONSTRAINED_BASELINE)), "no_compatible_codec")
        .hasMessage(
            "video section \"0\" (line 10) offers H264 (packetization-mode=0,"
                + " profile-level-id=42e01f) but the stream is H264 (packetization-mode=1,"
                + " profile-level-id=42e01f)");
  }

  /** This Chromium build offers no High profile, so it cannot decode a High stream per RFC 6184. */
  @Test
  void aHighProfileStreamHasNoCompatibleCodecInChromiumsOffer() {
    Negotiation high =
        Fixtures.negotiator().answerPublisher(Fixtures.MINIMAL_WHIP, Fixtures.local());

    assertRefused(() -> view(CHROMIUM_WHEP, high), "no_compatible_codec")
        .hasMessageEndingWith(
            "but the stream is H264 (packetization-mode=1," + " profile-level-id=640028)");
  }

  @Test
  void aViewerOfAnAudioOnlyStreamGetsItsVideoSectionRejected() {
    Negotiation audioOnly =
        view(
            CHROMIUM_WHEP,
            Fixtures.negotiator()
                .answerPublisher(
                    Fixtures.without(Fixtures.CHROMIUM_WHIP, "a=group:BUNDLE")
                        .replaceFirst("a=sendonly", "a=inactive"),
                    Fixtures.local()));

    assertThat(audioOnly.media())
        .extracting(NegotiatedMedia::kind)
        .containsExactly(MediaKind.AUDIO);
    assertThat(audioOnly.answerSdp()).contains("a=group:BUNDLE 1\r\n", "m=video 0 ");
  }

  @Test
  void aViewerWantingOnlyVideoOfAnAudioOnlyStreamHasNoCompatibleCodec() {
    StreamCodecs audioOnly =
        new StreamCodecs(null, new NegotiatedCodec(111, "opus", 48_000, 2, Map.of()));
    String videoOnly = CHROMIUM_WHEP.substring(0, CHROMIUM_WHEP.indexOf("m=audio"));

    assertRefused(
            () ->
                Fixtures.negotiator()
                    .answerViewer(videoOnly, audioOnly, Fixtures.local(), Fixtures.ssrcs()),
            "no_compatible_codec")
        .hasMessage("the offer receives only video, which the stream does not have");
  }

  @Test
  void theViewersMidExtensionIdIsReported() {
    Negotiation viewer = view(CHROMIUM_WHEP, Fixtures.chromiumPublisher());

    assertThat(viewer.media(MediaKind.VIDEO).orElseThrow().headerExtensionIds())
        .isEqualTo(Map.of(NegotiatedMedia.SDES_MID, 9));
    assertThat(viewer.media(MediaKind.VIDEO).orElseThrow().rtcpFeedback())
        .containsExactlyInAnyOrder("nack", "nack pli", "ccm fir");
  }
}
