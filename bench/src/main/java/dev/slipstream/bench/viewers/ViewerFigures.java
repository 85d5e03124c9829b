package dev.slipstream.bench.viewers;

import org.jspecify.annotations.Nullable;

/**
 * One viewer's figures at one instant; counts are cumulative, times in nanoseconds.
 *
 * @param index the viewer's number, in the order viewers were started
 * @param phase where the viewer is
 * @param failure why it failed, when it did
 * @param expected RTP packets its sequence numbers say were sent, over all SSRCs
 * @param received RTP packets it received and decrypted
 * @param bytes plain RTP bytes it decrypted
 * @param srtpFailures packets that failed SRTP or SRTCP authentication (or replay checks)
 * @param beforeKeys SRTP packets that arrived before its own handshake finished
 * @param sinceLastPacket how long ago the last media packet arrived, -1 before the first
 * @param join from the WHEP POST to the first decrypted media packet, -1 before it
 * @param ice from the WHEP POST to the first Binding success response, -1 before it
 * @param dtls from that response to the SRTP keys, -1 before them
 */
record ViewerFigures(
    int index,
    ViewerPeer.Phase phase,
    @Nullable String failure,
    long expected,
    long received,
    long bytes,
    long srtpFailures,
    long beforeKeys,
    long sinceLastPacket,
    long join,
    long ice,
    long dtls) {

  /** Returns the figures of a viewer whose offer was never answered. */
  static ViewerFigures unanswered(int index, String failure) {
    return new ViewerFigures(
        index, ViewerPeer.Phase.FAILED, failure, 0, 0, 0, 0, 0, -1, -1, -1, -1);
  }
}
