package dev.slipstream.media.ice;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One attribute of a STUN message that this codebase reads or writes.
 *
 * <p>MESSAGE-INTEGRITY and FINGERPRINT are not attributes here: the encoder appends them on request
 * and {@link ReceivedStun} checks them, because both cover the bytes of the message rather than
 * carrying data of their own.
 */
public sealed interface StunAttribute {
  /** USERNAME: {@code <receiver's ufrag>:<sender's ufrag>} in ICE. */
  int USERNAME = 0x0006;

  /** MESSAGE-INTEGRITY: HMAC-SHA1 over the message up to it. */
  int MESSAGE_INTEGRITY = 0x0008;

  /** ERROR-CODE. */
  int ERROR_CODE = 0x0009;

  /** UNKNOWN-ATTRIBUTES. */
  int UNKNOWN_ATTRIBUTES = 0x000A;

  /** XOR-MAPPED-ADDRESS. */
  int XOR_MAPPED_ADDRESS = 0x0020;

  /** PRIORITY (RFC 8445). */
  int PRIORITY = 0x0024;

  /** USE-CANDIDATE (RFC 8445). */
  int USE_CANDIDATE = 0x0025;

  /** SOFTWARE. */
  int SOFTWARE = 0x8022;

  /** FINGERPRINT: CRC-32 of the message up to it, XOR 0x5354554e. */
  int FINGERPRINT = 0x8028;

  /** ICE-CONTROLLED (RFC 8445). */
  int ICE_CONTROLLED = 0x8029;

  /** ICE-CONTROLLING (RFC 8445). */
  int ICE_CONTROLLING = 0x802A;

  /** Returns the 16-bit attribute type. */
  int type();

  /** The user name that selects the credentials, at most 513 bytes of UTF-8. */
  record Username(String value) implements StunAttribute {
    /** Rejects a name longer than RFC 8489 allows. */
    public Username {
      if (value.getBytes(StandardCharsets.UTF_8).length > 513) {
        throw new IllegalArgumentException("USERNAME must be at most 513 bytes of UTF-8");
      }
    }

    @Override
    public int type() {
      return USERNAME;
    }
  }

  /** Why a request failed: a code from 300 to 699 and a reason phrase. */
  record ErrorCode(int code, String reason) implements StunAttribute {
    /** Bad Request: the request was malformed or lacked credentials. */
    public static final int BAD_REQUEST = 400;

    /** Unauthenticated: the credentials were wrong. */
    public static final int UNAUTHENTICATED = 401;

    /** Unknown Attribute: a comprehension-required attribute was not understood. */
    public static final int UNKNOWN_ATTRIBUTE = 420;

    /** Role Conflict (RFC 8445). */
    public static final int ROLE_CONFLICT = 487;

    /** Rejects a code outside 300 to 699. */
    public ErrorCode {
      if (code < 300 || code > 699) {
        throw new IllegalArgumentException("ERROR-CODE must be 300 to 699 (was " + code + ")");
      }
    }

    @Override
    public int type() {
      return ERROR_CODE;
    }
  }

  /** The comprehension-required attribute types a 420 response did not understand. */
  record UnknownAttributes(List<Integer> types) implements StunAttribute {
    /** Copies the list. */
    public UnknownAttributes {
      types = List.copyOf(types);
    }

    @Override
    public int type() {
      return UNKNOWN_ATTRIBUTES;
    }
  }

  /** The address and port the request came from, as the responder saw it. */
  record XorMappedAddress(InetSocketAddress address) implements StunAttribute {
    /** Rejects an unresolved address. */
    public XorMappedAddress {
      if (address.isUnresolved()) {
        throw new IllegalArgumentException("XOR-MAPPED-ADDRESS needs a resolved address");
      }
    }

    @Override
    public int type() {
      return XOR_MAPPED_ADDRESS;
    }
  }

  /** The priority a peer-reflexive candidate would get, an unsigned 32-bit number. */
  record Priority(long value) implements StunAttribute {
    /** Rejects a value outside 0 to 2^32 - 1. */
    public Priority {
      if (value < 0 || value > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException(
            "PRIORITY must fit 32 unsigned bits (was " + value + ")");
      }
    }

    @Override
    public int type() {
      return PRIORITY;
    }
  }

  /** The controlling agent nominates the pair this check runs on. */
  record UseCandidate() implements StunAttribute {
    @Override
    public int type() {
      return USE_CANDIDATE;
    }
  }

  /** The name and version of the sending software. */
  record Software(String value) implements StunAttribute {
    @Override
    public int type() {
      return SOFTWARE;
    }
  }

  /** The sender believes it is the controlled agent; its tie-breaker. */
  record IceControlled(long tieBreaker) implements StunAttribute {
    @Override
    public int type() {
      return ICE_CONTROLLED;
    }
  }

  /** The sender believes it is the controlling agent; its tie-breaker. */
  record IceControlling(long tieBreaker) implements StunAttribute {
    @Override
    public int type() {
      return ICE_CONTROLLING;
    }
  }

  /** An attribute this codebase does not interpret, kept as its raw value. */
  record Unknown(int type, byte[] value) implements StunAttribute {
    /** Copies the value. */
    public Unknown {
      value = value.clone();
    }

    /**
     * Returns whether a receiver must understand this attribute to process the message (types below
     * 0x8000, RFC 8489 §14).
     */
    public boolean comprehensionRequired() {
      return type < 0x8000;
    }

    /** Returns a copy of the raw value. */
    @Override
    public byte[] value() {
      return value.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Unknown u && u.type == type && Arrays.equals(u.value, value);
    }

    @Override
    public int hashCode() {
      return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "Unknown[type=0x%04x, value=%s]".formatted(type, HexFormat.of().formatHex(value));
    }
  }
}
