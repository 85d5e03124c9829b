package dev.slipstream.media.sfu;

import dev.slipstream.media.dtls.CertificateFingerprint;
import dev.slipstream.media.dtls.DtlsEndpoint;
import dev.slipstream.media.dtls.DtlsOutcome;
import dev.slipstream.media.dtls.DtlsServerSession;
import dev.slipstream.media.ice.IceCredentials;
import dev.slipstream.media.rtp.Rtcp;
import dev.slipstream.media.srtp.DtlsRole;
import dev.slipstream.media.srtp.SrtpSession;
import dev.slipstream.media.transport.IceMux;
import dev.slipstream.media.transport.MuxRegistration;
import dev.slipstream.media.transport.PacketSink;
import dev.slipstream.media.transport.SendResult;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One WebRTC peer's transport: its ICE-lite registration on the shared socket, its DTLS handshake,
 * and the SRTP session that handshake keys. Plain RTP/RTCP goes out through {@link #sendRtp}/{@link
 * #sendRtcp} and comes in through the {@link Listener}.
 *
 * <p>Threads: packets arrive on the socket's receive thread (one for all peers), which also
 * decrypts them, so inbound SRTP is single-threaded. Outbound protection happens under a per-peer
 * lock, because a viewer's sender thread and the feedback timer both send. The DTLS handshake runs
 * on its own virtual thread and publishes the SRTP session through a volatile field; packets before
 * that are dropped (the peer only sends media after the handshake).
 */
final class PeerTransport implements PacketSink, AutoCloseable {
  /** What a peer's owner hears from its transport. */
  interface Listener {
    /** The DTLS handshake finished: media can flow. */
    void onReady();

    /** A decrypted RTP packet, in a fresh array the listener now owns. */
    void onRtp(byte[] packet, int length);

    /** A decrypted RTCP compound packet, in a fresh array the listener now owns. */
    void onRtcp(byte[] packet, int length);

    /** The peer is gone or never connected; called once. */
    void onGone(String reason);
  }

  /** Bytes to leave after a packet for the SRTP tag of any profile. */
  static final int SRTP_SPARE = 32;

  private final Listener listener;
  private final Object sendLock = new Object();
  private final AtomicBoolean gone = new AtomicBoolean();
  private volatile @Nullable MuxRegistration registration;
  private volatile @Nullable DtlsServerSession dtls;
  private volatile @Nullable SrtpSession srtp;
  private volatile @Nullable InetSocketAddress remote;

  private PeerTransport(Listener listener) {
    this.listener = listener;
  }

  static PeerTransport open(
      IceMux mux,
      DtlsEndpoint endpoint,
      IceCredentials credentials,
      List<CertificateFingerprint> remoteFingerprints,
      String name,
      Listener listener) {
    PeerTransport peer = new PeerTransport(listener);
    peer.registration = mux.register(credentials, peer);
    DtlsServerSession session = endpoint.accept(name, remoteFingerprints, peer::sendDtls);
    peer.dtls = session;
    session
        .handshake()
        .thenAccept(
            outcome -> {
              switch (outcome) {
                case DtlsOutcome.Established established -> {
                  peer.srtp = SrtpSession.create(established.keys(), DtlsRole.SERVER);
                  listener.onReady();
                }
                case DtlsOutcome.Failed failed ->
                    peer.goneBecause(
                        "DTLS handshake failed: " + failed.reason() + " (" + failed.detail() + ")");
              }
            });
    session.closed().thenAccept(closure -> peer.goneBecause("DTLS closed: " + closure));
    return peer;
  }

  private void sendDtls(byte[] record) {
    MuxRegistration r = registration;
    InetSocketAddress to = remote;
    if (r != null && to != null) {
      r.send(record, 0, record.length, to);
    }
  }

  @Override
  public void onConnected(InetSocketAddress from) {
    if (remote == null) {
      remote = from;
    }
  }

  @Override
  public void onNominated(InetSocketAddress from) {
    remote = from;
  }

  @Override
  public void onDtls(byte[] packet, int length, InetSocketAddress from) {
    DtlsServerSession session = dtls;
    if (session != null) {
      session.receive(packet, 0, length);
    }
  }

  @Override
  public void onRtp(byte[] packet, int length, InetSocketAddress from) {
    SrtpSession session = srtp;
    if (session == null) {
      return;
    }
    if (Rtcp.isRtcp(packet, 0, length)) {
      int plain = session.unprotectRtcp(packet, 0, length);
      if (plain > 0) {
        listener.onRtcp(packet, plain);
      }
    } else {
      int plain = session.unprotectRtp(packet, 0, length);
      if (plain > 0) {
        listener.onRtp(packet, plain);
      }
    }
  }

  @Override
  public void onConsentExpired() {
    goneBecause("ICE consent expired");
  }

  /**
   * Encrypts a plain RTP packet in place (the array needs {@link #SRTP_SPARE} bytes after it) and
   * sends it; returns the protected length, or -1 when it was not sent.
   */
  int sendRtp(byte[] packet, int length) {
    synchronized (sendLock) {
      SrtpSession session = srtp;
      if (session == null) {
        return -1;
      }
      int protectedLength = session.protectRtp(packet, 0, length);
      return protectedLength > 0 && sendRaw(packet, protectedLength) ? protectedLength : -1;
    }
  }

  /** Encrypts and sends a plain RTCP compound packet. */
  boolean sendRtcp(byte[] plain) {
    synchronized (sendLock) {
      SrtpSession session = srtp;
      if (session == null) {
        return false;
      }
      byte[] packet = Arrays.copyOf(plain, plain.length + SRTP_SPARE);
      int protectedLength = session.protectRtcp(packet, 0, plain.length);
      return protectedLength > 0 && sendRaw(packet, protectedLength);
    }
  }

  /** Sends bytes that are already protected (a retransmission of what was sent before). */
  boolean sendRaw(byte[] packet, int length) {
    MuxRegistration r = registration;
    InetSocketAddress to = remote;
    return r != null && to != null && r.send(packet, 0, length, to) == SendResult.SENT;
  }

  /** Returns where the peer's media comes from, once ICE has seen it. */
  @Nullable InetSocketAddress remoteAddress() {
    return remote;
  }

  private void goneBecause(String reason) {
    if (gone.compareAndSet(false, true)) {
      listener.onGone(reason);
    }
  }

  /** Says goodbye over DTLS, forgets the keys and leaves the socket. */
  @Override
  public void close() {
    gone.set(true);
    DtlsServerSession session = dtls;
    if (session != null) {
      session.close();
    }
    SrtpSession keys = srtp;
    if (keys != null) {
      synchronized (sendLock) {
        keys.close();
      }
    }
    MuxRegistration r = registration;
    if (r != null) {
      r.close();
    }
  }
}
