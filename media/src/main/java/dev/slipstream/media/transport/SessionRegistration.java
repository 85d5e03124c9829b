package dev.slipstream.media.transport;

import dev.slipstream.media.ice.BindingCounters;
import dev.slipstream.media.ice.IceCredentials;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What every socket's registration shares: the session's credentials, ICE state and consent.
 * Subclasses only say how a packet leaves (a datagram, or a frame on a TCP connection) and how the
 * session leaves its socket.
 */
abstract sealed class SessionRegistration implements MuxRegistration
    permits UdpRegistration, TcpRegistration {
  final MuxSession session;
  volatile IceCredentials credentials;

  SessionRegistration(MuxSession session, IceCredentials credentials) {
    this.session = session;
    this.credentials = credentials;
  }

  /**
   * Returns why a send to {@code to} must be dropped (counted in {@code stats}), or null when the
   * session is open and {@code to} holds consent.
   */
  final @Nullable SendResult refusal(MuxStats stats, InetSocketAddress to) {
    if (session.isClosed()) {
      stats.drop(DropReason.SEND_CLOSED);
      return SendResult.DROPPED_CLOSED;
    }
    if (!session.hasConsent(to)) {
      stats.drop(DropReason.SEND_NO_CONSENT);
      return SendResult.DROPPED_NO_CONSENT;
    }
    return null;
  }

  @Override
  public final synchronized void restartIce(IceCredentials next) {
    session.restart(routes(), next);
    credentials = next;
  }

  /** The socket's sessions by local ufrag. */
  abstract java.util.Map<String, MuxSession> routes();

  @Override
  public final IceCredentials credentials() {
    return credentials;
  }

  @Override
  public final Optional<InetSocketAddress> nominatedRemote() {
    return session.nominated();
  }

  @Override
  public final Set<InetSocketAddress> validatedRemotes() {
    return session.remotes();
  }

  @Override
  public final Optional<Instant> lastConsent() {
    return session.responder().lastValidRequest();
  }

  @Override
  public final void mediaAuthenticated() {
    session.responder().refreshFromMedia();
  }

  @Override
  public final BindingCounters bindingCounters() {
    return session.responder().counters();
  }
}
