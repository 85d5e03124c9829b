package dev.slipstream.media.ice;

/**
 * Why the responder did not accept a STUN message, and whether it answers.
 *
 * <p>The policy follows RFC 8489 and RFC 8445: what fails FINGERPRINT is not treated as STUN at all
 * and is dropped silently (§7.3 of RFC 8445 makes FINGERPRINT mandatory); anything that is not a
 * Binding request needs no answer from a lite agent; a request without credentials gets 400, and
 * one with the wrong user name or MESSAGE-INTEGRITY gets 401 (RFC 8489 §9.1.3), unsigned because we
 * cannot trust its key; a request with an unknown comprehension-required attribute gets 420, and
 * one from a peer that also claims the controlled role gets 487, both signed.
 */
public enum BindingRefusal {
  /** An indication, a response, or another method: dropped, no answer. */
  NOT_A_BINDING_REQUEST(false),
  /** FINGERPRINT missing or wrong: dropped, no answer. */
  BAD_FINGERPRINT(false),
  /** USERNAME or MESSAGE-INTEGRITY missing: answered 400. */
  MISSING_CREDENTIALS(true),
  /** USERNAME is not {@code localUfrag:remoteUfrag}: answered 401. */
  WRONG_USERNAME(true),
  /** MESSAGE-INTEGRITY does not match the local password: answered 401. */
  BAD_INTEGRITY(true),
  /** A comprehension-required attribute we do not know: answered 420. */
  UNKNOWN_REQUIRED_ATTRIBUTE(true),
  /** The peer sent ICE-CONTROLLED, but a lite agent is always controlled: answered 487. */
  ROLE_CONFLICT(true);

  private final boolean answered;

  BindingRefusal(boolean answered) {
    this.answered = answered;
  }

  /** Returns whether the sender gets an error response (else the message is dropped silently). */
  public boolean answered() {
    return answered;
  }
}
