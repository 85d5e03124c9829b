package dev.slipstream.media.ice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads one STUN message. Every defect becomes a {@link StunParseResult.Malformed}; no exception
 * leaves for any content of the bytes.
 *
 * <p>Attributes after MESSAGE-INTEGRITY other than FINGERPRINT are skipped unread, as RFC 8489
 * §14.5 requires, and a second MESSAGE-INTEGRITY is one of them.
 */
final class StunDecoder {
  private StunDecoder() {}

  static StunParseResult decode(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    if (length < StunMessage.HEADER_LENGTH) {
      return malformed(StunParseError.TOO_SHORT, "a STUN header has 20 bytes (got " + length + ")");
    }
    if ((data[offset] & 0xC0) != 0 || readInt(data, offset + 4) != StunMessage.MAGIC_COOKIE) {
      return malformed(StunParseError.NOT_STUN, "no STUN magic cookie");
    }
    int bodyLength = readShort(data, offset + 2);
    if (bodyLength % 4 != 0 || bodyLength + StunMessage.HEADER_LENGTH != length) {
      return malformed(
          StunParseError.BAD_LENGTH,
          "length field " + bodyLength + " does not fit the " + length + " bytes received");
    }
    byte[] raw = Arrays.copyOfRange(data, offset, offset + length);
    int type = readShort(raw, 0);
    StunTransactionId id = new StunTransactionId(Arrays.copyOfRange(raw, 8, 20));
    List<StunAttribute> attributes = new ArrayList<>();
    int integrityAt = -1;
    int fingerprintAt = -1;
    int pos = StunMessage.HEADER_LENGTH;
    while (pos < length) {
      if (fingerprintAt >= 0) {
        return malformed(StunParseError.ATTRIBUTE_AFTER_FINGERPRINT, "FINGERPRINT is not last");
      }
      int attrType = readShort(raw, pos);
      int attrLength = readShort(raw, pos + 2);
      int padded = (attrLength + 3) & ~3;
      if (pos + 4 + padded > length) {
        return malformed(
            StunParseError.TRUNCATED_ATTRIBUTE,
            "attribute 0x%04x of %d bytes runs past the message".formatted(attrType, attrLength));
      }
      if (attrType == StunAttribute.FINGERPRINT) {
        if (attrLength != 4) {
          return malformed(StunParseError.BAD_ATTRIBUTE_VALUE, "FINGERPRINT must have 4 bytes");
        }
        fingerprintAt = pos;
      } else if (integrityAt < 0 && attrType == StunAttribute.MESSAGE_INTEGRITY) {
        if (attrLength != 20) {
          return malformed(
              StunParseError.BAD_ATTRIBUTE_VALUE, "MESSAGE-INTEGRITY must have 20 bytes");
        }
        integrityAt = pos;
      } else if (integrityAt < 0) {
        try {
          attributes.add(StunAttributeCodec.decodeValue(attrType, raw, pos + 4, attrLength, id));
        } catch (StunAttributeCodec.BadValue e) {
          return malformed(StunParseError.BAD_ATTRIBUTE_VALUE, e.getMessage());
        }
      }
      pos += 4 + padded;
    }
    StunMessage message =
        new StunMessage(StunClass.ofMessageType(type), StunClass.methodOf(type), id, attributes);
    return new StunParseResult.Parsed(new ReceivedStun(message, raw, integrityAt, fingerprintAt));
  }

  private static StunParseResult malformed(StunParseError error, String detail) {
    return new StunParseResult.Malformed(error, detail);
  }

  private static int readShort(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }

  private static int readInt(byte[] b, int at) {
    return (readShort(b, at) << 16) | readShort(b, at + 2);
  }
}
