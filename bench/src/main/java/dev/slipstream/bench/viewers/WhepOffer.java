package dev.slipstream.bench.viewers;

import dev.slipstream.media.dtls.CertificateFingerprint;

/**
 * A viewer's WHEP offer: receive-only audio and video bundled on one ICE and DTLS transport, with
 * the codecs a browser would offer for them. The client never decodes, so it offers every H.264
 * profile the SFU might forward, and VP8.
 *
 * @param iceUfrag the viewer's ICE user fragment
 * @param icePwd the viewer's ICE password
 * @param fingerprint the viewer's DTLS certificate fingerprint
 */
record WhepOffer(String iceUfrag, String icePwd, CertificateFingerprint fingerprint) {

  /** Returns the SDP. */
  String sdp() {
    StringBuilder sdp = new StringBuilder(2048);
    line(sdp, "v=0");
    line(sdp, "o=- " + Math.abs((long) iceUfrag.hashCode()) + " 2 IN IP4 127.0.0.1");
    line(sdp, "s=-");
    line(sdp, "t=0 0");
    line(sdp, "a=group:BUNDLE 0 1");
    line(sdp, "a=msid-semantic: WMS");
    section(sdp, "audio", "0", "111");
    line(sdp, "a=rtpmap:111 opus/48000/2");
    line(sdp, "a=fmtp:111 minptime=10;useinbandfec=1");
    section(sdp, "video", "1", "102 127 125 123 96");
    h264(sdp, 102, "42e01f");
    h264(sdp, 127, "42001f");
    h264(sdp, 125, "4d001f");
    h264(sdp, 123, "64001f");
    line(sdp, "a=rtpmap:96 VP8/90000");
    feedback(sdp, 96);
    return sdp.toString();
  }

  private void section(StringBuilder sdp, String kind, String mid, String formats) {
    line(sdp, "m=" + kind + " 9 UDP/TLS/RTP/SAVPF " + formats);
    line(sdp, "c=IN IP4 0.0.0.0");
    line(sdp, "a=rtcp:9 IN IP4 0.0.0.0");
    line(sdp, "a=ice-ufrag:" + iceUfrag);
    line(sdp, "a=ice-pwd:" + icePwd);
    line(sdp, "a=fingerprint:" + fingerprint.sdpValue());
    line(sdp, "a=setup:actpass");
    line(sdp, "a=mid:" + mid);
    line(sdp, "a=recvonly");
    line(sdp, "a=rtcp-mux");
    line(sdp, "a=rtcp-rsize");
  }

  private static void h264(StringBuilder sdp, int pt, String profileLevelId) {
    line(sdp, "a=rtpmap:" + pt + " H264/90000");
    feedback(sdp, pt);
    line(
        sdp,
        "a=fmtp:"
            + pt
            + " level-asymmetry-allowed=1;packetization-mode=1;profile-level-id="
            + profileLevelId);
  }

  private static void feedback(StringBuilder sdp, int pt) {
    line(sdp, "a=rtcp-fb:" + pt + " nack");
    line(sdp, "a=rtcp-fb:" + pt + " nack pli");
    line(sdp, "a=rtcp-fb:" + pt + " ccm fir");
  }

  private static void line(StringBuilder sdp, String text) {
    sdp.append(text).append("\r\n");
  }
}
