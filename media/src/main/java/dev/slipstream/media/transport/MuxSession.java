package dev.slipstream.media.transport;

import dev.slipstream.media.ice.IceCredentials;
import dev.slipstream.media.ice.IceLiteResponder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a mux knows about one registered session: its responder, its sink, the remote addresses that
 * passed a check, and the nominated one.
 *
 * <p>Design: one lock per session serialises every change of state and every sink call, so a sink
 * sees one call at a time even when TCP connections deliver on several threads, and {@link
 * #close()} (which takes the lock after setting {@code closed}) returns only once a call in
 * progress has finished. The lock is reentrant, so a sink may close its registration from inside a
 * call. The UDP receive thread is the only caller most of the time, so the lock is uncontended.
 * Senders read {@link #hasConsent} and {@link #nominated()} without the lock: the address set is
 * concurrent and {@code nominated} volatile.
 */
final class MuxSession {
  private static final Logger log = LoggerFactory.getLogger(MuxSession.class);

  private final IceLiteResponder responder;
  private final PacketSink sink;
  private final MuxStats stats;
  private final ReentrantLock lock = new ReentrantLock();
  private final Set<InetSocketAddress> remotes = ConcurrentHashMap.newKeySet();
  private volatile @Nullable InetSocketAddress nominated;
  private volatile boolean closed;
  private long sinkFailures;

  MuxSession(IceLiteResponder responder, PacketSink sink, MuxStats stats) {
    this.responder = responder;
    this.sink = sink;
    this.stats = stats;
  }

  /**
   * Creates the session of a new registration and files it under its local ufrag.
   *
   * @throws IllegalArgumentException when the ufrag is already registered on this socket
   */
  static MuxSession claim(
      Map<String, MuxSession> byUfrag,
      IceCredentials credentials,
      PacketSink sink,
      MuxStats stats,
      InstantSource clock) {
    MuxSession session = new MuxSession(IceLiteResponder.create(credentials, clock), sink, stats);
    if (byUfrag.putIfAbsent(credentials.localUfrag(), session) != null) {
      throw new IllegalArgumentException(
          "local ufrag " + credentials.localUfrag() + " is already registered on this mux");
    }
    return session;
  }

  /**
   * Files the session under the new credentials' ufrag instead of its old one, after an ICE
   * restart; checks with the old credentials are refused from now on.
   *
   * @throws IllegalArgumentException when the new ufrag is already registered on this socket
   */
  void restart(Map<String, MuxSession> byUfrag, IceCredentials next) {
    String old = responder.credentials().localUfrag();
    if (!next.localUfrag().equals(old) && byUfrag.putIfAbsent(next.localUfrag(), this) != null) {
      throw new IllegalArgumentException(
          "local ufrag " + next.localUfrag() + " is already registered on this mux");
    }
    responder.restart(next);
    if (!next.localUfrag().equals(old)) {
      byUfrag.remove(old, this);
    }
  }

  IceLiteResponder responder() {
    return responder;
  }

  boolean isClosed() {
    return closed;
  }

  boolean hasConsent(InetSocketAddress remote) {
    return !closed && remotes.contains(remote);
  }

  Optional<InetSocketAddress> nominated() {
    return Optional.ofNullable(nominated);
  }

  Set<InetSocketAddress> remotes() {
    return Set.copyOf(remotes);
  }

  /**
   * Records that {@code from} passed a check and tells the sink what is new.
   *
   * @return false when the session is closed, so the caller must undo any routing it added
   */
  boolean validated(InetSocketAddress from, boolean useCandidate) {
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      if (remotes.add(from)) {
        call(() -> sink.onConnected(from));
      }
      if (useCandidate && !from.equals(nominated)) {
        nominated = from;
        call(() -> sink.onNominated(from));
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Forgets an address another session took over or whose TCP connection ended. */
  void forget(InetSocketAddress remote) {
    lock.lock();
    try {
      remotes.remove(remote);
      if (remote.equals(nominated)) {
        nominated = null;
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * When consent has lapsed, forgets every address and tells the sink once.
   *
   * @return the addresses forgotten, for the caller to unroute; empty when consent holds
   */
  List<InetSocketAddress> expireIfStale(Duration timeout) {
    if (remotes.isEmpty() || !responder.consentExpired(timeout)) {
      return List.of();
    }
    lock.lock();
    try {
      if (closed || remotes.isEmpty() || !responder.consentExpired(timeout)) {
        return List.of();
      }
      List<InetSocketAddress> gone = List.copyOf(remotes);
      remotes.clear();
      nominated = null;
      call(sink::onConsentExpired);
      return gone;
    } finally {
      lock.unlock();
    }
  }

  void deliverDtls(byte[] packet, int length, InetSocketAddress from) {
    deliver(() -> sink.onDtls(packet, length, from), from);
  }

  void deliverRtp(byte[] packet, int length, InetSocketAddress from) {
    deliver(() -> sink.onRtp(packet, length, from), from);
  }

  /**
   * Stops all delivery, waiting for a sink call in progress on another thread.
   *
   * @return the addresses the session held, for the caller to unroute
   */
  List<InetSocketAddress> close() {
    closed = true;
    lock.lock();
    try {
      List<InetSocketAddress> gone = List.copyOf(remotes);
      remotes.clear();
      nominated = null;
      return gone;
    } finally {
      lock.unlock();
    }
  }

  private void deliver(Runnable call, InetSocketAddress from) {
    lock.lock();
    try {
      // The address may have lost consent since the caller looked it up.
      if (!closed && remotes.contains(from)) {
        call(call);
      } else {
        stats.drop(DropReason.UNKNOWN_SOURCE);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs one sink call; a throwing sink costs that packet, never the mux. Caller holds the lock.
   */
  private void call(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      stats.drop(DropReason.SINK_FAILED);
      sinkFailures++;
      if (sinkFailures == 1) {
        log.warn("a packet sink of session {} threw; later failures log at DEBUG", ufrag(), e);
      } else {
        log.debug("a packet sink of session {} threw", ufrag(), e);
      }
    }
  }

  private String ufrag() {
    return responder.credentials().localUfrag();
  }
}
