package dev.slipstream.media.transport;

import java.net.InetSocketAddress;

/**
 * Receives what a mux demultiplexed for one session.
 *
 * <p>Threading: a mux calls one sink at most one call at a time, and never after {@link
 * MuxRegistration#close()} has returned. The calls run on the mux's receive thread (UDP) or on the
 * connection's thread (TCP), so a sink must not block: hand DTLS handshakes and anything slow to
 * your own executor. A sink that throws has that packet counted as {@link DropReason#SINK_FAILED};
 * the mux carries on.
 *
 * <p>Ownership: the {@code packet} arrays given to {@link #onDtls} and {@link #onRtp} are fresh
 * copies that belong to the sink from the call on. The mux never reads or writes them again, so the
 * sink may keep them, queue them to another thread, or decrypt SRTP in place. The packet is {@code
 * packet[0, length)}; the array may be longer in a future version, so always use {@code length}.
 */
public interface PacketSink {

  /**
   * A new remote address passed a connectivity check: packets from it now reach this sink and
   * {@link MuxRegistration#send} may send to it. Called once per address until consent expires, and
   * before the success response leaves, so the browser never hears back before the path is open.
   */
  void onConnected(InetSocketAddress remote);

  /**
   * The browser nominated the path through {@code remote} (USE-CANDIDATE): send media there from
   * now on. Called again only when the nominated address changes.
   */
  void onNominated(InetSocketAddress remote);

  /** A DTLS record arrived (first byte 20 to 63) from a checked address of this session. */
  void onDtls(byte[] packet, int length, InetSocketAddress from);

  /**
   * An SRTP or SRTCP packet arrived (first byte 128 to 191) from a checked address of this session;
   * tell RTCP apart by its packet type (RFC 5761 §4).
   */
  void onRtp(byte[] packet, int length, InetSocketAddress from);

  /**
   * No valid connectivity check arrived within the consent timeout (RFC 7675): every address of the
   * session is unbound and sends to them are refused until the browser checks again.
   */
  void onConsentExpired();
}
