package dev.slipstream.media.ice;

/** Why some bytes are not a well-formed STUN message. */
public enum StunParseError {
  /** Fewer than the 20 bytes of a header. */
  TOO_SHORT,
  /** The first two bits are not zero or the magic cookie is missing. */
  NOT_STUN,
  /** The length field is not a multiple of 4 or does not match the bytes received. */
  BAD_LENGTH,
  /** An attribute's length runs past the end of the message. */
  TRUNCATED_ATTRIBUTE,
  /** An attribute's value does not have the form its type requires. */
  BAD_ATTRIBUTE_VALUE,
  /** Something follows FINGERPRINT, which must be the last attribute. */
  ATTRIBUTE_AFTER_FINGERPRINT
}
