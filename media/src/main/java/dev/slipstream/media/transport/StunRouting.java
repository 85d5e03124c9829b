package dev.slipstream.media.transport;

import dev.slipstream.media.ice.BindingOutcome;
import dev.slipstream.media.ice.ReceivedStun;
import dev.slipstream.media.ice.StunMessage;
import dev.slipstream.media.ice.StunParseResult;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Finds the session a STUN packet is for and lets its responder decide; shared by UDP and TCP. */
final class StunRouting {
  private StunRouting() {}

  /** The routing decision for one STUN packet. */
  sealed interface Decision {}

  /** No session could take the packet. */
  record Unroutable(DropReason reason) implements Decision {}

  /** The session's responder decided. */
  record Handled(MuxSession session, BindingOutcome outcome) implements Decision {}

  /**
   * Decodes {@code packet[0, length)}, looks up the session by the local ufrag before the first
   * colon of USERNAME, and hands the message to its responder.
   */
  static Decision route(
      byte[] packet,
      int length,
      InetSocketAddress from,
      Function<String, @Nullable MuxSession> sessionByUfrag) {
    if (!(StunMessage.decode(packet, 0, length) instanceof StunParseResult.Parsed parsed)) {
      return new Unroutable(DropReason.STUN_MALFORMED);
    }
    ReceivedStun stun = parsed.stun();
    Optional<String> username = stun.message().username();
    int colon = username.map(u -> u.indexOf(':')).orElse(-1);
    MuxSession session =
        colon > 0 ? sessionByUfrag.apply(username.get().substring(0, colon)) : null;
    if (session == null || session.isClosed()) {
      return new Unroutable(DropReason.STUN_NO_SESSION);
    }
    return new Handled(session, session.responder().handle(stun, from));
  }
}
