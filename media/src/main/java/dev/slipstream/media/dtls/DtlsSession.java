package dev.slipstream.media.dtls;

import java.util.concurrent.CompletableFuture;

/**
 * One peer's DTLS-SRTP session, from the first ClientHello to close_notify, with us as the DTLS
 * server ({@link DtlsEndpoint#accept}) or the DTLS client ({@link DtlsEndpoint#connect}).
 *
 * <p>Threading: {@link #receive} only copies the datagram into a bounded queue, so the UDP receive
 * loop may call it directly. The handshake, retransmissions, the key export and everything sent to
 * the peer happen on the session's own virtual thread, which also completes the futures; code
 * chained onto them with the non-async {@code then…} methods runs there, so it must not block.
 * After the handshake the thread keeps reading, to answer a peer that missed our last flight and to
 * notice close_notify, until the session closes.
 */
public interface DtlsSession extends AutoCloseable {

  /**
   * Hands the session a datagram the peer sent that holds DTLS records (first byte 20–63, RFC
   * 7983). Never blocks: when the queue is full the datagram is dropped and counted, as the network
   * might have.
   */
  void receive(byte[] datagram, int offset, int length);

  /**
   * Says that datagrams can now reach the peer: ICE has checked a path to it. A client session
   * sends its ClientHello from then on (sent earlier, it would be lost or rejected by a peer still
   * busy with ICE); a server session, which only answers, has nothing to do. Never blocks;
   * idempotent.
   */
  void peerReachable();

  /**
   * Returns a future that completes once, with the SRTP keys or the reason there are none. It never
   * completes exceptionally; completing the returned copy does not affect the session.
   */
  CompletableFuture<DtlsOutcome> handshake();

  /**
   * Returns a future that completes when the session has ended, saying why; a peer's close_notify
   * is how the SFU learns a viewer has left before ICE consent fails.
   */
  CompletableFuture<DtlsClosure> closed();

  /**
   * Ends the session: sends close_notify if the handshake finished, stops the thread, and completes
   * {@link #handshake()} (with {@link DtlsFailure#CLOSED_LOCALLY} if still running) and {@link
   * #closed()}. Idempotent; returns without waiting for the thread.
   */
  @Override
  void close();
}
