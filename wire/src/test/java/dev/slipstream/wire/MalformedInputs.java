package dev.slipstream.wire;

import dev.slipstream.wire.v1.ClientMessage;
import dev.slipstream.wire.v1.PlaceBet;
import java.util.Arrays;
import java.util.List;

/** Byte strings that are not valid messages, shared by the Java and cross-language checks. */
final class MalformedInputs {

  /**
   * A malformed input and the type a receiver expected.
   *
   * @param name file-safe label
   * @param typeName fully qualified protobuf name of the expected type
   * @param bytes the input
   */
  record MalformedInput(String name, String typeName, byte[] bytes) {}

  private MalformedInputs() {}

  static List<MalformedInput> all() {
    return List.of(
        new MalformedInput(
            "truncated-place-bet", PlaceBet.getDescriptor().getFullName(), truncatedPlaceBet()),
        new MalformedInput(
            "bad-wire-type-client-message",
            ClientMessage.getDescriptor().getFullName(),
            badWireType()));
  }

  /** A PlaceBet cut off inside its first field, a string that announces more bytes than follow. */
  static byte[] truncatedPlaceBet() {
    byte[] whole = BetSamples.placeBet().toByteArray();
    return Arrays.copyOf(whole, 10);
  }

  /** Field 1 (request_id) with wire type 7, which protobuf does not define. */
  static byte[] badWireType() {
    return new byte[] {(byte) ((1 << 3) | 7), 0x01, 0x02};
  }
}
