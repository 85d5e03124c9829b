package dev.slipstream.bench.viewers;

import dev.slipstream.media.ice.ReceivedStun;
import dev.slipstream.media.ice.StunAttribute;
import dev.slipstream.media.ice.StunClass;
import dev.slipstream.media.ice.StunMessage;
import dev.slipstream.media.ice.StunParseResult;
import dev.slipstream.media.ice.StunTransactionId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The viewer's side of ICE against an ICE-lite server (RFC 8445): as the controlling full agent it
 * sends Binding requests on its one candidate pair, nominating it with USE-CANDIDATE, until one is
 * answered; afterwards it sends a consent check now and then (RFC 7675). Requests carry USERNAME
 * {@code serverUfrag:viewerUfrag}, PRIORITY, ICE-CONTROLLING, MESSAGE-INTEGRITY under the server's
 * password and FINGERPRINT. Retransmission timing is the caller's.
 *
 * <p>Not thread-safe: the viewer's receive loop calls it.
 */
final class IceChecks {
  /** Peer-reflexive type preference 110, local preference 65535, component 1 (RFC 8445 5.1.2). */
  private static final long PRIORITY = (110L << 24) | (65_535L << 8) | (256 - 1);

  private final String username;
  private final byte[] key;
  private final long tieBreaker;
  private final RandomGenerator random;
  private final List<StunTransactionId> outstanding = new ArrayList<>();

  IceChecks(String serverUfrag, String serverPwd, String viewerUfrag, RandomGenerator random) {
    this.username = serverUfrag + ":" + viewerUfrag;
    this.key = serverPwd.getBytes(StandardCharsets.UTF_8);
    this.tieBreaker = random.nextLong();
    this.random = random;
  }

  /** Returns a fresh, signed Binding request; {@code nominate} adds USE-CANDIDATE. */
  byte[] request(boolean nominate) {
    StunTransactionId id = StunTransactionId.random(random);
    if (outstanding.size() >= 8) {
      outstanding.removeFirst();
    }
    outstanding.add(id);
    List<StunAttribute> attributes = new ArrayList<>(4);
    attributes.add(new StunAttribute.Username(username));
    attributes.add(new StunAttribute.Priority(PRIORITY));
    attributes.add(new StunAttribute.IceControlling(tieBreaker));
    if (nominate) {
      attributes.add(new StunAttribute.UseCandidate());
    }
    return new StunMessage(StunClass.REQUEST, StunClass.BINDING, id, attributes).encodeSigned(key);
  }

  /**
   * Reads a STUN datagram; returns whether it is a success response to one of our requests, signed
   * with the server's password. Anything else (an error response, a forgery) is ignored.
   */
  boolean isSuccess(byte[] data, int length) {
    if (!(StunMessage.decode(data, 0, length) instanceof StunParseResult.Parsed parsed)) {
      return false;
    }
    ReceivedStun stun = parsed.stun();
    StunMessage message = stun.message();
    StunTransactionId id = message.transactionId();
    return message.messageClass() == StunClass.SUCCESS_RESPONSE
        && message.method() == StunClass.BINDING
        && outstanding.remove(id)
        && stun.integrityMatches(key);
  }
}
