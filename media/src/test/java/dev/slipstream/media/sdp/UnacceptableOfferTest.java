package dev.slipstream.media.sdp;

import static dev.slipstream.media.sdp.Fixtures.CHROMIUM_WHEP;
import static dev.slipstream.media.sdp.Fixtures.CHROMIUM_WHIP;
import static dev.slipstream.media.sdp.Fixtures.assertRefused;
import static dev.slipstream.media.sdp.Fixtures.lineOf;
import static dev.slipstream.media.sdp.Fixtures.without;

import org.junit.jupiter.api.Test;

/** Well-formed offers that this server cannot answer, each refused with a sentence saying why. */
class UnacceptableOfferTest {
  private final SdpNegotiator negotiator = Fixtures.negotiator();

  private void publish(String offer) {
    negotiator.answerPublisher(offer, Fixtures.local());
  }

  private static String videoSection(String offer) {
    return "video section \"0\" (line " + lineOf(offer, "m=video") + ")";
  }

  @Test
  void anOfferWithoutIceUsernameIsRefusedNamingIt() {
    String offer = without(CHROMIUM_WHIP, "a=ice-ufrag");

    assertRefused(() -> publish(offer), "invalid_sdp")
        .hasMessage(
            "no ICE credentials: "
                + videoSection(offer)
                + " and the session level lack a=ice-ufrag");
  }

  @Test
  void anOfferWithoutIcePasswordIsRefusedNamingIt() {
    String offer = without(CHROMIUM_WHIP, "a=ice-pwd");

    assertRefused(() -> publish(offer), "invalid_sdp")
        .hasMessage(
            "no ICE credentials: " + videoSection(offer) + " and the session level lack a=ice-pwd");
  }

  @Test
  void anOfferWithoutFingerprintIsRefusedNamingIt() {
    String offer = without(CHROMIUM_WHIP, "a=fingerprint");

    assertRefused(() -> publish(offer), "invalid_sdp")
        .hasMessage(
            "no DTLS fingerprint: "
                + videoSection(offer)
                + " and the session level lack a=fingerprint, so the peer cannot be checked");
  }

  @Test
  void anOfferThatHoldsTheDtlsConnectionBackIsRefused() {
    String offer = CHROMIUM_WHIP.replace("a=setup:actpass", "a=setup:holdconn");

    assertRefused(() -> publish(offer), "invalid_sdp")
        .hasMessage(
            videoSection(offer)
                + " has a=setup:holdconn, which holds the DTLS connection back; offer"
                + " a=setup:actpass, a=setup:active or a=setup:passive");
  }

  @Test
  void anOfferWithoutRtcpMuxIsRefused() {
    String offer = without(CHROMIUM_WHIP, "a=rtcp-mux");

    assertRefused(() -> publish(offer), "invalid_sdp")
        .hasMessage(
            videoSection(offer)
                + " has no a=rtcp-mux; this server sends RTCP on the RTP port only");
  }

  @Test
  void sectionsThatAreNotBundledAreRefused() {
    String offer = without(CHROMIUM_WHIP, "a=group:BUNDLE");

    assertRefused(() -> publish(offer), "invalid_sdp")
        .hasMessage(
            videoSection(offer)
                + " and audio section \"1\" (line "
                + lineOf(offer, "m=audio")
                + ") are not in one a=group:BUNDLE; this server carries"
                + " all media on one transport");
  }

  @Test
  void aSectionWithoutMidIsRefused() {
    String offer = without(CHROMIUM_WHIP, "a=mid:0");

    assertRefused(() -> publish(offer), "invalid_sdp")
        .hasMessage(
            "video section (line 8) has no a=mid; WHIP and WHEP offers name every media"
                + " section");
  }

  @Test
  void unencryptedRtpIsRefused() {
    String offer = CHROMIUM_WHIP.replace("m=audio 9 UDP/TLS/RTP/SAVPF", "m=audio 9 RTP/AVP");

    assertRefused(() -> publish(offer), "invalid_sdp")
        .hasMessage(
            "line "
                + lineOf(offer, "m=audio")
                + ": m=audio uses RTP/AVP; WebRTC media needs DTLS-SRTP, UDP/TLS/RTP/SAVPF");
  }

  @Test
  void aWhipOfferThatOnlyReceivesIsRefused() {
    assertRefused(() -> publish(CHROMIUM_WHEP), "invalid_sdp")
        .hasMessage(
            "the offer sends no audio or video; a WHIP offer needs an audio or video"
                + " section with a=sendonly or a=sendrecv");
  }

  @Test
  void aWhepOfferThatOnlySendsIsRefused() {
    StreamCodecs stream = StreamCodecs.of(Fixtures.chromiumPublisher());

    assertRefused(
            () ->
                negotiator.answerViewer(CHROMIUM_WHIP, stream, Fixtures.local(), Fixtures.ssrcs()),
            "invalid_sdp")
        .hasMessage(
            "the offer receives no audio or video; a WHEP offer needs an audio or video"
                + " section with a=recvonly or a=sendrecv");
  }

  @Test
  void aPublisherOfferingOnlyVideoCodecsWeCannotTakeIsToldWhichWeTake() {
    String offer =
        CHROMIUM_WHIP.replaceFirst(
            "m=video 9 UDP/TLS/RTP/SAVPF [^\r]*", "m=video 9 UDP/TLS/RTP/SAVPF 45 46 98 104");

    assertRefused(() -> publish(offer), "no_supported_codec")
        .hasMessage(
            videoSection(offer)
                + " offers AV1/90000, VP9/90000, H264"
                + " (packetization-mode=0, profile-level-id=42001f); this server takes H264"
                + " (packetization-mode=1) or VP8");
  }

  @Test
  void aPublisherOfferingOnlyTelephonyAudioIsToldWhichWeTake() {
    String offer =
        CHROMIUM_WHIP.replace(
            "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126",
            "m=audio 9 UDP/TLS/RTP/SAVPF 9 0 8");

    assertRefused(() -> publish(offer), "no_supported_codec")
        .hasMessage(
            "audio section \"1\" (line "
                + lineOf(offer, "m=audio")
                + ") offers G722/8000, PCMU/8000, PCMA/8000; this server takes opus/48000/2");
  }
}
