package dev.slipstream.media.ice;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Writes a STUN message, then MESSAGE-INTEGRITY and FINGERPRINT when asked. */
final class StunEncoder {
  /** Pads with zero bytes, as RFC 8489 recommends. */
  static final StunEncoder STANDARD = new StunEncoder((byte) 0);

  private final byte padding;

  /**
   * Creates an encoder that pads attribute values with {@code padding}; receivers must ignore the
   * padding's value, and the RFC 5769 vectors pad with spaces to prove it.
   */
  StunEncoder(byte padding) {
    this.padding = padding;
  }

  byte[] encode(StunMessage message, byte @Nullable [] integrityKey, boolean fingerprint) {
    List<byte[]> values = new ArrayList<>(message.attributes().size());
    int size = StunMessage.HEADER_LENGTH;
    for (StunAttribute a : message.attributes()) {
      byte[] value = StunAttributeCodec.encodeValue(a, message.transactionId());
      if (value.length > 0xFFFF) {
        throw new IllegalArgumentException("attribute 0x%04x is too long".formatted(a.type()));
      }
      values.add(value);
      size += 4 + ((value.length + 3) & ~3);
    }
    size += (integrityKey != null ? StunChecksums.MI_SIZE : 0);
    size += (fingerprint ? StunChecksums.FP_SIZE : 0);
    if (size - StunMessage.HEADER_LENGTH > 0xFFFF) {
      throw new IllegalArgumentException("a STUN message has at most 65535 bytes of attributes");
    }

    byte[] out = new byte[size];
    ByteBuffer b = ByteBuffer.wrap(out);
    b.putShort((short) message.messageClass().messageType(message.method()));
    b.putShort((short) (size - StunMessage.HEADER_LENGTH));
    b.putInt(StunMessage.MAGIC_COOKIE);
    b.put(message.transactionId().bytes());
    for (int i = 0; i < values.size(); i++) {
      byte[] value = values.get(i);
      b.putShort((short) message.attributes().get(i).type()).putShort((short) value.length);
      b.put(value);
      for (int p = value.length; p % 4 != 0; p++) {
        b.put(padding);
      }
    }
    if (integrityKey != null) {
      int lengthField = b.position() + StunChecksums.MI_SIZE - StunMessage.HEADER_LENGTH;
      byte[] hmac = StunChecksums.hmac(integrityKey, out, b.position(), lengthField);
      b.putShort((short) StunAttribute.MESSAGE_INTEGRITY).putShort((short) hmac.length).put(hmac);
    }
    if (fingerprint) {
      // The length field already counts FINGERPRINT: it was set to the final size above.
      int crc = StunChecksums.fingerprint(out, b.position());
      b.putShort((short) StunAttribute.FINGERPRINT).putShort((short) 4).putInt(crc);
    }
    return out;
  }
}
