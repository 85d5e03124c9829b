package dev.slipstream.media.sfu;

import dev.slipstream.media.dtls.CertificateFingerprint;
import dev.slipstream.media.dtls.DtlsEndpoint;
import dev.slipstream.media.dtls.DtlsOutcome;
import dev.slipstream.media.dtls.DtlsSession;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One WebRTC peer's transport: its ICE-lite registration on the shared socket, its DTLS handshake,
 * and the SRTP session that handshake keys. Plain RTP/RTCP goes out through {@link #sendRtp}/{@link
 * #sendRtcp} and comes in through the {@link Listener}.
 *
 * <p>A peer is registered on every socket the server listens on (UDP, and TCP when enabled), with
 * the same credentials; media goes out on the path ICE last nominated, i.e. the registration and
 * remote address the browser's nominating check came through.
 *
 * <p>Threads: packets arrive on the socket's receive thread (one for all peers), which also
 * decrypts them, so inbound SRTP is single-threaded. Outbound protection happens under a per-peer
 * lock, because a viewer's sender thread and the feedback timer both send. The DTLS handshake runs
 * on its own virtual thread and publishes the SRTP session through a volatile field; packets before
 * that are dropped (the peer only sends media after the handshake). We are the DTLS server, or the
 * client when the offer said {@code a=setup:passive}; the client's ClientHello waits for ICE's
 * first checked path.
 */
final class PeerTransport implements AutoCloseable {
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

  /** Where media to the peer goes: a socket registration and the peer's address on it. */
  private record Path(MuxRegistration registration, InetSocketAddress remote) {}

  private final List<MuxRegistration> registrations = new CopyOnWriteArrayList<>();
  private volatile @Nullable DtlsSession dtls;
  private volatile @Nullable SrtpSession srtp;
  private volatile @Nullable Path path;

  private PeerTransport(Listener listener) {
    this.listener = listener;
  }

  static PeerTransport open(
      List<? extends IceMux> muxes,
      DtlsEndpoint endpoint,
      IceCredentials credentials,
      List<CertificateFingerprint> remoteFingerprints,
      DtlsRole role,
      String name,
      Listener listener) {
    PeerTransport peer = new PeerTransport(listener);
    for (IceMux mux : muxes) {
      Socket socket = peer.new Socket();
      socket.registration = mux.register(credentials, socket);
      peer.registrations.add(socket.registration);
    }
    DtlsSession session =
        switch (role) {
          case SERVER -> endpoint.accept(name, remoteFingerprints, peer::sendDtls);
          case CLIENT -> endpoint.connect(name, remoteFingerprints, peer::sendDtls);
        };
    peer.dtls = session;
    if (peer.path != null) {
      // ICE connected before the session existed (both fields are volatile, so one side sees it).
      session.peerReachable();
    }
    session
        .handshake()
        .thenAccept(
            outcome -> {
              switch (outcome) {
                case DtlsOutcome.Established established -> {
                  peer.srtp = SrtpSession.create(established.keys(), role);
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
    Path p = path;
    if (p != null) {
      p.registration().send(record, 0, record.length, p.remote());
    }
  }

  /** What one socket hears for this peer; it knows its own registration. */
  private final class Socket implements PacketSink {
    private volatile @Nullable MuxRegistration registration;

    @Override
    public void onConnected(InetSocketAddress from) {
      MuxRegistration r = registration;
      if (path == null && r != null) {
        path = new Path(r, from);
      }
      DtlsSession session = dtls;
      if (session != null) {
        session.peerReachable();
      }
    }

    @Override
    public void onNominated(InetSocketAddress from) {
      MuxRegistration r = registration;
      if (r != null) {
        path = new Path(r, from);
      }
    }

    @Override
    public void onDtls(byte[] packet, int length, InetSocketAddress from) {
      DtlsSession session = dtls;
      if (session != null) {
        session.receive(packet, 0, length);
      }
    }

    @Override
    public void onRtp(byte[] packet, int length, InetSocketAddress from) {
      MuxRegistration r = registration;
      if (received(packet, length) && r != null) {
        r.mediaAuthenticated();
      }
    }

    @Override
    public void onConsentExpired() {
      Path p = path;
      // Only the socket carrying the media decides; a check that lapsed elsewhere does not.
      if (p == null || p.registration() == registration) {
        goneBecause("ICE consent expired");
      }
    }
  }

  /** Decrypts and hands on one packet; returns whether it authenticated. */
  private boolean received(byte[] packet, int length) {
    SrtpSession session = srtp;
    if (session == null) {
      return false;
    }
    if (Rtcp.isRtcp(packet, 0, length)) {
      int plain = session.unprotectRtcp(packet, 0, length);
      if (plain > 0) {
        listener.onRtcp(packet, plain);
      }
      return plain > 0;
    }
    int plain = session.unprotectRtp(packet, 0, length);
    if (plain > 0) {
      listener.onRtp(packet, plain);
    }
    return plain > 0;
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
    Path p = path;
    return p != null && p.registration().send(packet, 0, length, p.remote()) == SendResult.SENT;
  }

  private void goneBecause(String reason) {
    if (gone.compareAndSet(false, true)) {
      listener.onGone(reason);
    }
  }

  /**
   * Restarts ICE with new credentials on every socket; DTLS and SRTP carry on, and media keeps
   * going to the addresses that hold consent while the peer checks again.
   */
  void restartIce(dev.slipstream.media.ice.IceCredentials next) {
    registrations.forEach(r -> r.restartIce(next));
  }

  /** Says goodbye over DTLS, forgets the keys and leaves the socket. */
  @Override
  public void close() {
    gone.set(true);
    DtlsSession session = dtls;
    if (session != null) {
      session.close();
    }
    SrtpSession keys = srtp;
    if (keys != null) {
      synchronized (sendLock) {
        keys.close();
      }
    }
    registrations.forEach(MuxRegistration::close);
  }
}
