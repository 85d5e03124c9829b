package dev.slipstream.media.ice;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A STUN message (RFC 8489): its class, method, transaction id and attributes in wire order.
 *
 * <p>{@link #decode} reads one from the wire and {@link #encode}/{@link #encodeSigned} write one.
 * MESSAGE-INTEGRITY and FINGERPRINT never appear in {@link #attributes()}: the encoder appends them
 * and {@link ReceivedStun} checks them.
 *
 * @param messageClass request, indication, success or error response
 * @param method the STUN method, {@link StunClass#BINDING} for ICE
 * @param transactionId pairs a response with its request
 * @param attributes in the order they are (or were) on the wire
 */
public record StunMessage(
    StunClass messageClass,
    int method,
    StunTransactionId transactionId,
    List<StunAttribute> attributes) {

  /** The magic cookie every RFC 5389/8489 message carries after its length. */
  public static final int MAGIC_COOKIE = 0x2112A442;

  /** The length of the fixed header in bytes. */
  public static final int HEADER_LENGTH = 20;

  /** Checks the method fits 12 bits and copies the attribute list. */
  public StunMessage {
    if (method < 0 || method > 0xFFF) {
      throw new IllegalArgumentException("a STUN method has 12 bits (was " + method + ")");
    }
    attributes = List.copyOf(attributes);
  }

  /**
   * Reads one STUN message from {@code length} bytes of {@code data} starting at {@code offset}.
   * The bytes must hold exactly one message, as a UDP datagram or an RFC 4571 frame does.
   *
   * @return the message with the checks it supports, or why the bytes are not a well-formed
   *     message; never throws for any content
   */
  public static StunParseResult decode(byte[] data, int offset, int length) {
    return StunDecoder.decode(data, offset, length);
  }

  /** Returns the wire form without MESSAGE-INTEGRITY or FINGERPRINT. */
  public byte[] encode() {
    return StunEncoder.STANDARD.encode(this, null, false);
  }

  /**
   * Returns the wire form followed by MESSAGE-INTEGRITY under {@code integrityKey} (for ICE's
   * short-term credentials, the password as UTF-8) and FINGERPRINT, as ICE requires of every
   * request and response.
   */
  public byte[] encodeSigned(byte[] integrityKey) {
    return StunEncoder.STANDARD.encode(this, integrityKey, true);
  }

  /**
   * Returns the wire form with optional MESSAGE-INTEGRITY (when {@code integrityKey} is not null)
   * and optional FINGERPRINT.
   */
  public byte[] encode(byte @Nullable [] integrityKey, boolean fingerprint) {
    return StunEncoder.STANDARD.encode(this, integrityKey, fingerprint);
  }

  /** Returns the first attribute of {@code kind}, if there is one. */
  public <T extends StunAttribute> Optional<T> find(Class<T> kind) {
    for (StunAttribute a : attributes) {
      if (kind.isInstance(a)) {
        return Optional.of(kind.cast(a));
      }
    }
    return Optional.empty();
  }

  /** Returns whether an attribute of {@code kind} is present. */
  public boolean has(Class<? extends StunAttribute> kind) {
    return find(kind).isPresent();
  }

  /** Returns the value of the USERNAME attribute, if there is one. */
  public Optional<String> username() {
    return find(StunAttribute.Username.class).map(StunAttribute.Username::value);
  }

  /** Returns whether this is a Binding request. */
  public boolean isBindingRequest() {
    return messageClass == StunClass.REQUEST && method == StunClass.BINDING;
  }
}
