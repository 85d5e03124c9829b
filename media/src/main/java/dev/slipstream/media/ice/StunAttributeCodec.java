package dev.slipstream.media.ice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads and writes the value of each {@link StunAttribute} kind. */
final class StunAttributeCodec {
  private static final int FAMILY_IPV4 = 0x01;
  private static final int FAMILY_IPV6 = 0x02;

  private StunAttributeCodec() {}

  /** Thrown inside the decoder for a value of the wrong form; never leaves this package. */
  static final class BadValue extends Exception {
    private static final long serialVersionUID = 1L;

    BadValue(String message) {
      super(message, null, false, false);
    }
  }

  /** Returns the value bytes of {@code attribute}, without header or padding. */
  static byte[] encodeValue(StunAttribute attribute, StunTransactionId id) {
    return switch (attribute) {
      case StunAttribute.Username u -> u.value().getBytes(StandardCharsets.UTF_8);
      case StunAttribute.Software s -> s.value().getBytes(StandardCharsets.UTF_8);
      case StunAttribute.ErrorCode e -> {
        byte[] reason = e.reason().getBytes(StandardCharsets.UTF_8);
        yield ByteBuffer.allocate(4 + reason.length)
            .putShort((short) 0)
            .put((byte) (e.code() / 100))
            .put((byte) (e.code() % 100))
            .put(reason)
            .array();
      }
      case StunAttribute.UnknownAttributes u -> {
        ByteBuffer b = ByteBuffer.allocate(2 * u.types().size());
        u.types().forEach(t -> b.putShort(t.shortValue()));
        yield b.array();
      }
      case StunAttribute.XorMappedAddress x -> xorAddress(x.address(), id);
      case StunAttribute.Priority p -> ByteBuffer.allocate(4).putInt((int) p.value()).array();
      case StunAttribute.UseCandidate u -> new byte[0];
      case StunAttribute.IceControlled c -> ByteBuffer.allocate(8).putLong(c.tieBreaker()).array();
      case StunAttribute.IceControlling c -> ByteBuffer.allocate(8).putLong(c.tieBreaker()).array();
      case StunAttribute.Unknown u -> u.value();
    };
  }

  /** Reads the value of an attribute of {@code type} at {@code data[off, off + len)}. */
  static StunAttribute decodeValue(int type, byte[] data, int off, int len, StunTransactionId id)
      throws BadValue {
    ByteBuffer v = ByteBuffer.wrap(data, off, len).slice();
    return switch (type) {
      case StunAttribute.USERNAME -> new StunAttribute.Username(utf8(v, "USERNAME", 513));
      case StunAttribute.SOFTWARE -> new StunAttribute.Software(utf8(v, "SOFTWARE", 763));
      case StunAttribute.ERROR_CODE -> errorCode(v);
      case StunAttribute.UNKNOWN_ATTRIBUTES -> unknownAttributes(v);
      case StunAttribute.XOR_MAPPED_ADDRESS -> new StunAttribute.XorMappedAddress(address(v, id));
      case StunAttribute.PRIORITY ->
          new StunAttribute.Priority(Integer.toUnsignedLong(fixed(v, 4, "PRIORITY").getInt()));
      case StunAttribute.USE_CANDIDATE -> {
        fixed(v, 0, "USE-CANDIDATE");
        yield new StunAttribute.UseCandidate();
      }
      case StunAttribute.ICE_CONTROLLED ->
          new StunAttribute.IceControlled(fixed(v, 8, "ICE-CONTROLLED").getLong());
      case StunAttribute.ICE_CONTROLLING ->
          new StunAttribute.IceControlling(fixed(v, 8, "ICE-CONTROLLING").getLong());
      default -> new StunAttribute.Unknown(type, Arrays.copyOfRange(data, off, off + len));
    };
  }

  private static ByteBuffer fixed(ByteBuffer v, int length, String name) throws BadValue {
    if (v.remaining() != length) {
      throw new BadValue(name + " must have " + length + " bytes (had " + v.remaining() + ")");
    }
    return v;
  }

  private static String utf8(ByteBuffer v, String name, int maxBytes) throws BadValue {
    if (v.remaining() > maxBytes) {
      throw new BadValue(name + " must have at most " + maxBytes + " bytes");
    }
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(v);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new BadValue(name + " is not valid UTF-8");
    }
  }

  private static StunAttribute errorCode(ByteBuffer v) throws BadValue {
    if (v.remaining() < 4) {
      throw new BadValue("ERROR-CODE must have at least 4 bytes");
    }
    v.getShort();
    int errorClass = v.get() & 0x07;
    int number = v.get() & 0xFF;
    if (errorClass < 3 || errorClass > 6 || number > 99) {
      throw new BadValue("ERROR-CODE class must be 3 to 6 and number 0 to 99");
    }
    return new StunAttribute.ErrorCode(errorClass * 100 + number, utf8(v, "ERROR-CODE", 763));
  }

  private static StunAttribute unknownAttributes(ByteBuffer v) throws BadValue {
    if (v.remaining() % 2 != 0) {
      throw new BadValue("UNKNOWN-ATTRIBUTES must hold whole 16-bit types");
    }
    List<Integer> types = new ArrayList<>();
    while (v.hasRemaining()) {
      types.add(v.getShort() & 0xFFFF);
    }
    return new StunAttribute.UnknownAttributes(types);
  }

  private static InetSocketAddress address(ByteBuffer v, StunTransactionId id) throws BadValue {
    if (v.remaining() < 4) {
      throw new BadValue("XOR-MAPPED-ADDRESS must have at least 4 bytes");
    }
    v.get();
    int family = v.get() & 0xFF;
    int port = (v.getShort() & 0xFFFF) ^ (StunMessage.MAGIC_COOKIE >>> 16);
    int size =
        switch (family) {
          case FAMILY_IPV4 -> 4;
          case FAMILY_IPV6 -> 16;
          default -> throw new BadValue("XOR-MAPPED-ADDRESS family must be 1 or 2");
        };
    if (v.remaining() != size) {
      throw new BadValue(
          "XOR-MAPPED-ADDRESS of family " + family + " must have " + size + " bytes");
    }
    byte[] ip = new byte[size];
    v.get(ip);
    xorWithCookieAndId(ip, id);
    try {
      return new InetSocketAddress(InetAddress.getByAddress(ip), port);
    } catch (UnknownHostException e) {
      throw new BadValue("XOR-MAPPED-ADDRESS holds no address");
    }
  }

  private static byte[] xorAddress(InetSocketAddress address, StunTransactionId id) {
    byte[] ip = address.getAddress().getAddress();
    xorWithCookieAndId(ip, id);
    return ByteBuffer.allocate(4 + ip.length)
        .put((byte) 0)
        .put((byte) (ip.length == 4 ? FAMILY_IPV4 : FAMILY_IPV6))
        .putShort((short) (address.getPort() ^ (StunMessage.MAGIC_COOKIE >>> 16)))
        .put(ip)
        .array();
  }

  /** XORs an IPv4 address with the cookie, an IPv6 one with the cookie then the transaction id. */
  private static void xorWithCookieAndId(byte[] ip, StunTransactionId id) {
    for (int i = 0; i < ip.length; i++) {
      int key =
          i < 4 ? (StunMessage.MAGIC_COOKIE >>> (24 - 8 * i)) & 0xFF : id.byteAt(i - 4) & 0xFF;
      ip[i] = (byte) (ip[i] ^ key);
    }
  }
}
