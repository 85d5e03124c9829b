package dev.slipstream.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfferParserTest {

  @Test
  void chromiumsWhipOfferHasTwoBundledSendingSectionsWithOneTransport() {
    SessionDescription offer = OfferParser.parse(Fixtures.CHROMIUM_WHIP);

    assertThat(offer.bundleGroups()).containsExactly(List.of("0", "1"));
    assertThat(offer.media()).extracting(MediaSection::kind).containsExactly("video", "audio");
    assertThat(offer.media()).extracting(MediaSection::mid).containsExactly("0", "1");
    assertThat(offer.media())
        .allSatisfy(
            m -> {
              assertThat(offer.directionOf(m)).isEqualTo(Direction.SENDONLY);
              assertThat(m.protocol()).isEqualTo("UDP/TLS/RTP/SAVPF");
              assertThat(m.rtcpMux()).isTrue();
              assertThat(m.transport().iceUfrag()).isEqualTo("oiZs");
              assertThat(m.transport().icePwd()).isEqualTo("RdJV4hmRbuGXWyQWNNJb4SGE");
              assertThat(m.transport().setup()).isEqualTo(Setup.ACTPASS);
              assertThat(m.transport().fingerprint().algorithm()).isEqualTo("sha-256");
              assertThat(m.transport().fingerprint().hex()).startsWith("EC:69:95:50:").hasSize(95);
            });
  }

  @Test
  void chromiumsVideoSectionListsEveryCodecWithItsParametersFeedbackAndExtensions() {
    MediaSection video = OfferParser.parse(Fixtures.CHROMIUM_WHIP).media().getFirst();

    assertThat(video.formats()).hasSize(23).startsWith("96", "97", "102");
    assertThat(video.rtpMaps().get(108)).isEqualTo(new RtpMap("H264", 90_000, 1));
    assertThat(video.fmtp().get(108))
        .isEqualTo(
            Map.of(
                "level-asymmetry-allowed",
                "1",
                "packetization-mode",
                "1",
                "profile-level-id",
                "42e01f"));
    assertThat(video.feedbackFor(108))
        .containsExactly("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli");
    assertThat(video.extensions()).containsEntry(NegotiatedMedia.SDES_MID, 9).hasSize(11);
    assertThat(video.msid()).startsWith("b6472d38-");
  }

  @Test
  void rtxSsrcsOfAnFidGroupAreNotMediaSsrcs() {
    MediaSection video = OfferParser.parse(Fixtures.CHROMIUM_WHIP).media().getFirst();

    assertThat(video.ssrcs()).containsExactly(1_724_461_836L, 3_828_483_259L);
    assertThat(video.mediaSsrcs()).containsExactly(1_724_461_836L);
  }

  @Test
  void chromiumsWhepOfferReceivesAndAnnouncesNoSsrcs() {
    SessionDescription offer = OfferParser.parse(Fixtures.CHROMIUM_WHEP);

    assertThat(offer.media())
        .allSatisfy(
            m -> {
              assertThat(offer.directionOf(m)).isEqualTo(Direction.RECVONLY);
              assertThat(m.ssrcs()).isEmpty();
            });
    assertThat(offer.media().get(1).rtpMaps().get(111)).isEqualTo(new RtpMap("opus", 48_000, 2));
  }

  @Test
  void ffmpegsOfferPutsIceInEachSectionAndHasNoFeedbackOrExtensions() {
    SessionDescription offer = OfferParser.parse(Fixtures.FFMPEG_WHIP);

    assertThat(offer.transport()).isEqualTo(TransportAttributes.NONE);
    assertThat(offer.media()).extracting(MediaSection::kind).containsExactly("audio", "video");
    MediaSection video = offer.media().get(1);
    assertThat(video.transport().iceUfrag()).isEqualTo("6b8b4567");
    assertThat(video.transport().setup()).isEqualTo(Setup.PASSIVE);
    assertThat(video.rtcpFeedback()).isEmpty();
    assertThat(video.extensions()).isEmpty();
    assertThat(video.mediaSsrcs()).containsExactly(1_102_520_059L);
  }

  @Test
  void iceAndDtlsAttributesAtSessionLevelApplyToEverySection() {
    SessionDescription offer = OfferParser.parse(Fixtures.MINIMAL_WHIP);

    assertThat(offer.transport().iceUfrag()).isEqualTo("enc0");
    assertThat(offer.transport().setup()).isEqualTo(Setup.ACTPASS);
    assertThat(offer.media())
        .allSatisfy(
            m -> {
              assertThat(m.transport()).isEqualTo(TransportAttributes.NONE);
              assertThat(m.transport().over(offer.transport())).isEqualTo(offer.transport());
            });
  }

  @Test
  void crlfAndBareLfLineEndingsParseAlike() {
    String lf = Fixtures.CHROMIUM_WHIP.replace("\r\n", "\n");
    String mixed = Fixtures.CHROMIUM_WHIP.replaceFirst("\r\n", "\n");

    assertThat(OfferParser.parse(lf)).isEqualTo(OfferParser.parse(Fixtures.CHROMIUM_WHIP));
    assertThat(OfferParser.parse(mixed)).isEqualTo(OfferParser.parse(Fixtures.CHROMIUM_WHIP));
  }

  @Test
  void aSessionLevelDirectionIsTheDefaultForSectionsWithout() {
    String offer =
        Fixtures.without(Fixtures.MINIMAL_WHIP.replace("\n", "\r\n"), "a=sendonly")
            .replace("a=setup:actpass\r\n", "a=setup:actpass\r\na=recvonly\r\n");

    SessionDescription parsed = OfferParser.parse(offer);

    assertThat(parsed.media())
        .allSatisfy(m -> assertThat(parsed.directionOf(m)).isEqualTo(Direction.RECVONLY));
  }
}
