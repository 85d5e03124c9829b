package dev.slipstream.media.ice;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Answers the ICE connectivity checks of one session as a lite agent (RFC 8445 §2.5): it sends no
 * checks of its own, is always the controlled agent, and accepts a Binding request whose USERNAME
 * is {@code localUfrag:remoteUfrag} and whose MESSAGE-INTEGRITY and FINGERPRINT check out.
 *
 * <p>It also keeps consent (RFC 7675): the time of the last valid request, which browsers repeat
 * every few seconds while they want media. See {@link BindingRefusal} for what is answered how.
 *
 * <p>Thread-safe: requests for one session may arrive on several threads (UDP and TCP paths).
 */
public interface IceLiteResponder {

  /**
   * Returns a responder for the session with these credentials, timing consent by {@code clock}.
   */
  static IceLiteResponder create(IceCredentials credentials, InstantSource clock) {
    return new LiteBindingResponder(credentials, clock);
  }

  /** Returns the session's credentials. */
  IceCredentials credentials();

  /**
   * Takes new credentials after an ICE restart (RFC 8445 §9): from now on checks must carry them;
   * the consent gathered so far stands, so media keeps flowing while the peer checks again.
   */
  void restart(IceCredentials next);

  /**
   * Decides about one STUN message that arrived from {@code from}; records consent when it is a
   * valid Binding request.
   */
  BindingOutcome handle(ReceivedStun stun, InetSocketAddress from);

  /** Returns when the last valid Binding request arrived, if any has. */
  Optional<Instant> lastValidRequest();

  /**
   * Counts authenticated media from the peer (SRTP that decrypted) as consent, like a valid check.
   * RFC 7675 asks for STUN consent checks; some publishers (FFmpeg 8's WHIP muxer) stop sending
   * checks once connected, and media only the keyed peer can produce proves it is still there.
   * Ignored until a real check has succeeded.
   */
  void refreshFromMedia();

  /**
   * Returns whether consent has lapsed: a valid request arrived once, but none in the last {@code
   * timeout} (RFC 7675 suggests 30 seconds).
   */
  boolean consentExpired(Duration timeout);

  /** Returns how many messages were accepted and refused so far. */
  BindingCounters counters();
}
