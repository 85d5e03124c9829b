package dev.slipstream.media.sfu;

import dev.slipstream.media.sdp.Candidate;
import dev.slipstream.media.sdp.IceCredentials;
import dev.slipstream.media.sdp.IceFragment;
import dev.slipstream.media.sdp.NegotiatedMedia;
import dev.slipstream.media.sdp.Negotiation;
import dev.slipstream.platform.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The ICE side of every publishing and playing session, for what WHIP and WHEP clients send in
 * {@code PATCH} (RFC 9725 §4.3): candidates, which an ICE-lite server does not need (it learns the
 * peer's addresses from its checks), and ICE restarts, which get new server credentials on the same
 * transport while DTLS and SRTP carry on. Each session's entity tag is its current local ufrag, so
 * a restart changes it.
 */
final class IceSessions {
  /** One session's transport and credentials; restarts are serialised per session. */
  private static final class Session {
    final String streamId;
    final boolean publisher;
    final PeerTransport transport;
    final NegotiatedMedia first;
    IceCredentials local;
    String remoteUfrag;

    Session(
        String streamId,
        boolean publisher,
        PeerTransport transport,
        NegotiatedMedia first,
        IceCredentials local,
        String remoteUfrag) {
      this.streamId = streamId;
      this.publisher = publisher;
      this.transport = transport;
      this.first = first;
      this.local = local;
      this.remoteUfrag = remoteUfrag;
    }
  }

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final List<Candidate> candidates;
  private final Supplier<IceCredentials> newCredentials;

  IceSessions(List<Candidate> candidates, Supplier<IceCredentials> newCredentials) {
    this.candidates = List.copyOf(candidates);
    this.newCredentials = newCredentials;
  }

  void add(
      String sessionId,
      String streamId,
      boolean publisher,
      PeerTransport transport,
      Negotiation negotiation,
      IceCredentials local) {
    sessions.put(
        sessionId,
        new Session(
            streamId,
            publisher,
            transport,
            negotiation.media().getFirst(),
            local,
            negotiation.remoteIceUfrag()));
  }

  void remove(String sessionId) {
    sessions.remove(sessionId);
  }

  /** Whether the session publishes (its PATCH needs the publish key). */
  boolean isPublisher(String streamId, String sessionId) {
    return find(streamId, sessionId).publisher;
  }

  /** Returns the session's entity tag, quoted, as the {@code ETag} header carries it. */
  String etag(String streamId, String sessionId) {
    Session session = find(streamId, sessionId);
    synchronized (session) {
      return etagOf(session.local);
    }
  }

  /**
   * Applies a fragment: an ICE restart when it carries new peer credentials, else nothing.
   *
   * @throws NotFoundException {@code session_not_found}
   */
  Optional<IceRestart> patch(String streamId, String sessionId, IceFragment fragment) {
    Session session = find(streamId, sessionId);
    synchronized (session) {
      if (!fragment.restartsIceFrom(session.remoteUfrag)) {
        return Optional.empty();
      }
      IceCredentials next = newCredentials.get();
      session.transport.restartIce(
          new dev.slipstream.media.ice.IceCredentials(
              next.ufrag(), next.pwd(), fragment.iceUfrag()));
      session.local = next;
      session.remoteUfrag = fragment.iceUfrag();
      return Optional.of(
          new IceRestart(IceFragment.answer(next, session.first, candidates), etagOf(next)));
    }
  }

  private Session find(String streamId, String sessionId) {
    Session session = sessions.get(sessionId);
    if (session == null || !session.streamId.equals(streamId)) {
      throw new NotFoundException(
          "session_not_found", "stream " + streamId + " has no session " + sessionId);
    }
    return session;
  }

  private static String etagOf(IceCredentials local) {
    return "\"" + local.ufrag() + "\"";
  }
}
