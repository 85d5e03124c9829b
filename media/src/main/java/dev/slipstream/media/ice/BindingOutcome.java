package dev.slipstream.media.ice;

import java.net.InetSocketAddress;

/** What {@link IceLiteResponder#handle} decided about one STUN message. */
public sealed interface BindingOutcome {

  /**
   * A valid Binding request: send {@code response} back to {@code remote}, which is now a valid
   * path to the session.
   *
   * @param response the signed success response, owned by the caller
   * @param remote the address the request came from, echoed in XOR-MAPPED-ADDRESS
   * @param useCandidate whether the controlling agent nominated this path (USE-CANDIDATE)
   */
  record Accepted(byte[] response, InetSocketAddress remote, boolean useCandidate)
      implements BindingOutcome {}

  /**
   * A request refused with an error response: send {@code response} back.
   *
   * @param reason why
   * @param response the error response, owned by the caller
   */
  record Refused(BindingRefusal reason, byte[] response) implements BindingOutcome {}

  /** A message dropped without an answer. */
  record Dropped(BindingRefusal reason) implements BindingOutcome {}
}
