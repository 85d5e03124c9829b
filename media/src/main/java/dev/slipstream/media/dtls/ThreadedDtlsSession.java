package dev.slipstream.media.dtls;

import dev.slipstream.media.srtp.DtlsRole;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DTLS session, as server or client, that runs BouncyCastle's blocking handshake on its own
 * virtual thread.
 *
 * <p>Threading: BouncyCastle's DTLS API is blocking and not thread-safe, so every call into it —
 * the handshake, the read loop after it, and the final close_notify — happens on this session's one
 * thread. Other threads only touch the {@link QueuedDatagramTransport} (the UDP layer queues
 * datagrams, {@link #close()} wakes the thread), count down the reachability latch and read
 * volatile flags. The thread's life:
 *
 * <ol>
 *   <li>As the client, wait for {@link #peerReachable()}: a ClientHello sent before ICE has a path
 *       would be lost. The server's latch starts open. Both waits count against one {@link
 *       HandshakeDeadline}.
 *   <li>Run the handshake ({@code DTLSServerProtocol.accept} waits for the ClientHello; {@code
 *       DTLSClientProtocol.connect} sends it); BouncyCastle retransmits lost flights and gives up
 *       at the deadline.
 *   <li>Complete {@link #handshake()} with the keys (or the failure, then stop).
 *   <li>Read until closed: a peer that missed our last flight retransmits its own, which
 *       BouncyCastle answers only while something reads; a close_notify or fatal alert ends it.
 *   <li>Complete {@link #closed()}.
 * </ol>
 */
final class ThreadedDtlsSession implements DtlsSession {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadedDtlsSession.class);
  private static final int READ_WAIT_MILLIS = 1000;

  /** One end of BouncyCastle's blocking handshake, run over the session's transport. */
  @FunctionalInterface
  interface Handshake {
    DTLSTransport run(QueuedDatagramTransport transport) throws IOException;
  }

  private final String name;
  private final DtlsRole role;
  private final Handshake protocol;
  private final SrtpHandshakeState state;
  private final QueuedDatagramTransport transport;
  private final HandshakeDeadline deadline;
  private final DtlsMetrics metrics;
  private final CountDownLatch reachable;
  private final CompletableFuture<DtlsOutcome> handshake = new CompletableFuture<>();
  private final CompletableFuture<DtlsClosure> closed = new CompletableFuture<>();
  private volatile boolean closeRequested;

  private ThreadedDtlsSession(
      String name,
      DtlsRole role,
      Handshake protocol,
      SrtpHandshakeState state,
      QueuedDatagramTransport transport,
      HandshakeDeadline deadline,
      DtlsMetrics metrics) {
    this.name = name;
    this.role = role;
    this.protocol = protocol;
    this.state = state;
    this.transport = transport;
    this.deadline = deadline;
    this.metrics = metrics;
    this.reachable = new CountDownLatch(role == DtlsRole.CLIENT ? 1 : 0);
  }

  /**
   * Starts the session's thread.
   *
   * @param role our end; a client waits for {@link #peerReachable()} before running {@code
   *     protocol}
   * @param protocol BouncyCastle's handshake for that end, with a peer reporting into {@code state}
   */
  static ThreadedDtlsSession start(
      String name,
      DtlsRole role,
      Handshake protocol,
      SrtpHandshakeState state,
      QueuedDatagramTransport transport,
      HandshakeDeadline deadline,
      DtlsMetrics metrics) {
    ThreadedDtlsSession session =
        new ThreadedDtlsSession(name, role, protocol, state, transport, deadline, metrics);
    Thread.ofVirtual()
        .name("dtls-" + role.name().toLowerCase(Locale.ROOT) + "-" + name)
        .start(session::run);
    return session;
  }

  @Override
  public void receive(byte[] datagram, int offset, int length) {
    transport.offer(datagram, offset, length);
  }

  @Override
  public void peerReachable() {
    reachable.countDown();
  }

  @Override
  public CompletableFuture<DtlsOutcome> handshake() {
    return handshake.copy();
  }

  @Override
  public CompletableFuture<DtlsClosure> closed() {
    return closed.copy();
  }

  @Override
  public void close() {
    closeRequested = true;
    transport.stopReceiving();
    reachable.countDown();
  }

  private void run() {
    DtlsOutcome.Failed unreached = awaitPeer();
    if (unreached != null) {
      fail(unreached);
      return;
    }
    DTLSTransport dtls;
    try {
      dtls = protocol.run(transport);
    } catch (IOException | RuntimeException e) {
      fail(classify(e));
      return;
    }
    DtlsOutcome.Established established;
    try {
      established = state.established();
    } catch (RuntimeException e) {
      fail(new DtlsOutcome.Failed(DtlsFailure.PROTOCOL_ERROR, e.toString()));
      return;
    }
    LOG.debug(
        "DTLS handshake with {} ({} role) established {}",
        name,
        role,
        established.keys().profile());
    metrics.count(established);
    handshake.complete(established);
    closed.complete(readUntilClosed(dtls));
  }

  /** Waits until the peer can be reached (at once as the server); returns why not, or null. */
  private DtlsOutcome.@Nullable Failed awaitPeer() {
    try {
      if (!reachable.await(deadline.remainingNanos(), TimeUnit.NANOSECONDS)) {
        return new DtlsOutcome.Failed(
            DtlsFailure.TIMEOUT,
            "no path to the peer within "
                + deadline.totalMillis()
                + " ms, so no ClientHello was sent");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return closedLocally();
    }
    return closeRequested ? closedLocally() : null;
  }

  private DtlsClosure readUntilClosed(DTLSTransport dtls) {
    byte[] ignored = new byte[transport.getReceiveLimit()];
    try {
      while (!closeRequested && !state.peerSentCloseNotify()) {
        // WebRTC sends no DTLS application data; reading drives retransmission and alerts.
        dtls.receive(ignored, 0, ignored.length, READ_WAIT_MILLIS);
      }
    } catch (InterruptedIOException e) {
      // close() woke us, or BouncyCastle closed the transport after the peer's close_notify.
    } catch (IOException | RuntimeException e) {
      if (e instanceof TlsFatalAlertReceived || state.peerFatalAlert() >= 0) {
        LOG.info("DTLS peer {} ended the session with a fatal alert", name);
        transport.close();
        return DtlsClosure.PEER_ALERT;
      }
      if (!closeRequested && !state.peerSentCloseNotify()) {
        LOG.info("DTLS session with {} broke: {}", name, e.toString());
        transport.close();
        return DtlsClosure.TRANSPORT_ERROR;
      }
    }
    if (state.peerSentCloseNotify()) {
      transport.close();
      return DtlsClosure.PEER_CLOSE_NOTIFY;
    }
    try {
      dtls.close();
    } catch (IOException e) {
      LOG.debug("close_notify to {} failed: {}", name, e.toString());
    }
    transport.close();
    return DtlsClosure.LOCAL_CLOSE;
  }

  private void fail(DtlsOutcome.Failed failed) {
    LOG.info(
        "DTLS handshake with {} ({} role) failed: {} ({})",
        name,
        role,
        failed.reason(),
        failed.detail());
    metrics.count(failed);
    handshake.complete(failed);
    closed.complete(DtlsClosure.HANDSHAKE_FAILED);
    transport.close();
  }

  private DtlsOutcome.Failed classify(Exception e) {
    DtlsOutcome.Failed refusal = state.refusal();
    if (refusal != null) {
      return refusal;
    }
    if (closeRequested) {
      return closedLocally();
    }
    short alert = state.peerFatalAlert();
    if (alert >= 0 && !(e instanceof TlsTimeoutException)) {
      return new DtlsOutcome.Failed(
          DtlsFailure.PEER_ALERT,
          "the peer sent the fatal alert " + AlertDescription.getText(alert));
    }
    return switch (e) {
      case TlsTimeoutException t ->
          new DtlsOutcome.Failed(
              DtlsFailure.TIMEOUT,
              "no finished handshake within " + deadline.totalMillis() + " ms");
      case TlsFatalAlertReceived r ->
          new DtlsOutcome.Failed(
              DtlsFailure.PEER_ALERT,
              "the peer sent the fatal alert " + AlertDescription.getText(r.getAlertDescription()));
      case TlsFatalAlert a ->
          new DtlsOutcome.Failed(
              DtlsFailure.PROTOCOL_ERROR,
              "we sent the fatal alert "
                  + AlertDescription.getText(a.getAlertDescription())
                  + (a.getMessage() == null ? "" : ": " + a.getMessage()));
      default -> new DtlsOutcome.Failed(DtlsFailure.PROTOCOL_ERROR, e.toString());
    };
  }

  private static DtlsOutcome.Failed closedLocally() {
    return new DtlsOutcome.Failed(
        DtlsFailure.CLOSED_LOCALLY, "the session was closed before the handshake finished");
  }
}
