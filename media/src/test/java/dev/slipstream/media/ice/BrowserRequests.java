package dev.slipstream.media.ice;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Builds Binding requests the way a browser's full ICE agent sends them to a lite peer. */
final class BrowserRequests {
  private final SplittableRandom random = new SplittableRandom(8445);

  /** A controlling agent's check, signed with {@code password}. */
  byte[] check(String username, String password, StunAttribute... extra) {
    List<StunAttribute> attributes = new ArrayList<>();
    attributes.add(new StunAttribute.Username(username));
    attributes.add(new StunAttribute.Priority(1_853_824_767L));
    attributes.add(new StunAttribute.IceControlling(0x1122334455667788L));
    attributes.addAll(List.of(extra));
    return message(StunClass.REQUEST, attributes).encodeSigned(bytes(password));
  }

  StunMessage message(StunClass messageClass, List<StunAttribute> attributes) {
    return new StunMessage(
        messageClass, StunClass.BINDING, StunTransactionId.random(random), attributes);
  }

  static byte[] bytes(String password) {
    return password.getBytes(StandardCharsets.UTF_8);
  }
}
