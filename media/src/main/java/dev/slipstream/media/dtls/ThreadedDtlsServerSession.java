package dev.slipstream.media.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DTLS server session that runs BouncyCastle's blocking handshake on its own virtual thread.
 *
 * <p>Threading: BouncyCastle's DTLS API is blocking and not thread-safe, so every call into it —
 * the handshake, the read loop after it, and the final close_notify — happens on this session's one
 * thread. Other threads only touch the {@link QueuedDatagramTransport} (the UDP layer queues
 * datagrams, {@link #close()} wakes the thread) and read volatile flags. The thread's life:
 *
 * <ol>
 *   <li>{@code accept}: wait for the ClientHello and finish the handshake; BouncyCastle retransmits
 *       lost flights and gives up after the handshake timeout.
 *   <li>Complete {@link #handshake()} with the keys (or the failure, then stop).
 *   <li>Read until closed: a peer that missed our last flight retransmits its own, which
 *       BouncyCastle answers only while something reads; a close_notify or fatal alert ends it.
 *   <li>Complete {@link #closed()}.
 * </ol>
 */
final class ThreadedDtlsServerSession implements DtlsServerSession {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadedDtlsServerSession.class);
  private static final int READ_WAIT_MILLIS = 1000;

  private final String name;
  private final SrtpTlsServer server;
  private final QueuedDatagramTransport transport;
  private final DtlsSettings settings;
  private final DtlsMetrics metrics;
  private final CompletableFuture<DtlsOutcome> handshake = new CompletableFuture<>();
  private final CompletableFuture<DtlsClosure> closed = new CompletableFuture<>();
  private volatile boolean closeRequested;

  private ThreadedDtlsServerSession(
      String name,
      SrtpTlsServer server,
      QueuedDatagramTransport transport,
      DtlsSettings settings,
      DtlsMetrics metrics) {
    this.name = name;
    this.server = server;
    this.transport = transport;
    this.settings = settings;
    this.metrics = metrics;
  }

  static ThreadedDtlsServerSession start(
      String name,
      SrtpTlsServer server,
      QueuedDatagramTransport transport,
      DtlsSettings settings,
      DtlsMetrics metrics) {
    ThreadedDtlsServerSession session =
        new ThreadedDtlsServerSession(name, server, transport, settings, metrics);
    Thread.ofVirtual().name("dtls-" + name).start(session::run);
    return session;
  }

  @Override
  public void receive(byte[] datagram, int offset, int length) {
    transport.offer(datagram, offset, length);
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
  }

  private void run() {
    DTLSTransport dtls;
    try {
      dtls = new DTLSServerProtocol().accept(server, transport);
    } catch (IOException | RuntimeException e) {
      DtlsOutcome.Failed failed = classify(e);
      LOG.info("DTLS handshake with {} failed: {} ({})", name, failed.reason(), failed.detail());
      finish(failed, DtlsClosure.HANDSHAKE_FAILED);
      transport.close();
      return;
    }
    DtlsOutcome.Established established;
    try {
      established = server.established();
    } catch (RuntimeException e) {
      finish(
          new DtlsOutcome.Failed(DtlsFailure.PROTOCOL_ERROR, e.toString()),
          DtlsClosure.HANDSHAKE_FAILED);
      transport.close();
      return;
    }
    LOG.debug("DTLS handshake with {} established {}", name, established.keys().profile());
    metrics.count(established);
    handshake.complete(established);
    closed.complete(readUntilClosed(dtls));
  }

  private DtlsClosure readUntilClosed(DTLSTransport dtls) {
    byte[] ignored = new byte[transport.getReceiveLimit()];
    try {
      while (!closeRequested && !server.peerSentCloseNotify()) {
        // WebRTC sends no DTLS application data; reading drives retransmission and alerts.
        dtls.receive(ignored, 0, ignored.length, READ_WAIT_MILLIS);
      }
    } catch (InterruptedIOException e) {
      // close() woke us, or BouncyCastle closed the transport after the peer's close_notify.
    } catch (IOException | RuntimeException e) {
      if (e instanceof TlsFatalAlertReceived || server.peerFatalAlert() >= 0) {
        LOG.info("DTLS peer {} ended the session with a fatal alert", name);
        transport.close();
        return DtlsClosure.PEER_ALERT;
      }
      if (!closeRequested && !server.peerSentCloseNotify()) {
        LOG.info("DTLS session with {} broke: {}", name, e.toString());
        transport.close();
        return DtlsClosure.TRANSPORT_ERROR;
      }
    }
    if (server.peerSentCloseNotify()) {
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

  private void finish(DtlsOutcome.Failed failed, DtlsClosure closure) {
    metrics.count(failed);
    handshake.complete(failed);
    closed.complete(closure);
  }

  private DtlsOutcome.Failed classify(Exception e) {
    DtlsOutcome.Failed refusal = server.refusal();
    if (refusal != null) {
      return refusal;
    }
    if (closeRequested) {
      return new DtlsOutcome.Failed(
          DtlsFailure.CLOSED_LOCALLY, "the session was closed before the handshake finished");
    }
    short alert = server.peerFatalAlert();
    if (alert >= 0 && !(e instanceof TlsTimeoutException)) {
      return new DtlsOutcome.Failed(
          DtlsFailure.PEER_ALERT,
          "the peer sent the fatal alert " + AlertDescription.getText(alert));
    }
    return switch (e) {
      case TlsTimeoutException t ->
          new DtlsOutcome.Failed(
              DtlsFailure.TIMEOUT,
              "no finished handshake within " + settings.handshakeTimeout().toMillis() + " ms");
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
}
