package dev.slipstream.media.transport;

import dev.slipstream.media.ice.BindingCounters;
import dev.slipstream.media.ice.IceCredentials;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** A session's handle on the {@link TcpMuxServer}: sends become frames on its connections. */
final class TcpRegistration implements MuxRegistration {
  private final TcpMuxServer mux;
  private final MuxSession session;
  private final IceCredentials credentials;

  TcpRegistration(TcpMuxServer mux, MuxSession session, IceCredentials credentials) {
    this.mux = mux;
    this.session = session;
    this.credentials = credentials;
  }

  @Override
  public IceCredentials credentials() {
    return credentials;
  }

  @Override
  public SendResult send(byte[] packet, int offset, int length, InetSocketAddress to) {
    if (session.isClosed()) {
      mux.stats().drop(DropReason.SEND_CLOSED);
      return SendResult.DROPPED_CLOSED;
    }
    TcpConnection connection = mux.connectionTo(to);
    if (connection == null || connection.session() != session || !session.hasConsent(to)) {
      mux.stats().drop(DropReason.SEND_NO_CONSENT);
      return SendResult.DROPPED_NO_CONSENT;
    }
    return connection.enqueue(packet, offset, length);
  }

  @Override
  public SendResult send(ByteBuffer packet, InetSocketAddress to) {
    byte[] copy = new byte[packet.remaining()];
    packet.duplicate().get(copy);
    SendResult result = send(copy, 0, copy.length, to);
    if (result == SendResult.SENT) {
      packet.position(packet.limit());
    }
    return result;
  }

  @Override
  public Optional<InetSocketAddress> nominatedRemote() {
    return session.nominated();
  }

  @Override
  public Set<InetSocketAddress> validatedRemotes() {
    return session.remotes();
  }

  @Override
  public Optional<Instant> lastConsent() {
    return session.responder().lastValidRequest();
  }

  @Override
  public void mediaAuthenticated() {
    session.responder().refreshFromMedia();
  }

  @Override
  public BindingCounters bindingCounters() {
    return session.responder().counters();
  }

  @Override
  public void close() {
    mux.unregister(credentials.localUfrag(), session);
  }

  @Override
  public String toString() {
    return "TcpRegistration[" + credentials.localUfrag() + " on " + mux.localAddress() + "]";
  }
}
