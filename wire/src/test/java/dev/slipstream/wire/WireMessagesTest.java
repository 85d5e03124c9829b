package dev.slipstream.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.wire.v1.ClientMessage;
import dev.slipstream.wire.v1.PlaceBet;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WireMessagesTest {

  @Test
  void validBytesDecodeToTheMessageTheyEncode() throws MalformedMessageException {
    PlaceBet bet = BetSamples.placeBet();

    assertThat(WireMessages.parse(PlaceBet.getDefaultInstance(), bet.toByteArray())).isEqualTo(bet);
  }

  @Test
  void truncatedBytesAreRejectedWithTheTypeNameAndByteCount() {
    byte[] truncated = MalformedInputs.truncatedPlaceBet();

    assertThatThrownBy(() -> WireMessages.parse(PlaceBet.getDefaultInstance(), truncated))
        .isInstanceOfSatisfying(
            MalformedMessageException.class,
            e -> {
              assertThat(e.typeName()).isEqualTo("slipstream.v1.PlaceBet");
              assertThat(e.byteCount()).isEqualTo(truncated.length);
            })
        .hasMessageStartingWith(
            "slipstream.v1.PlaceBet: " + truncated.length + " bytes are not a valid message (")
        .hasMessageContaining("truncated");
  }

  @Test
  void aFieldWithAnUndefinedWireTypeIsRejected() {
    assertThatThrownBy(
            () ->
                WireMessages.parse(
                    ClientMessage.getDefaultInstance(), MalformedInputs.badWireType()))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageStartingWith("slipstream.v1.ClientMessage: 3 bytes are not a valid message (")
        .hasMessageContaining("invalid wire type");
  }

  @Test
  void theInputArrayIsLeftUntouched() {
    byte[] truncated = MalformedInputs.truncatedPlaceBet();
    byte[] copy = truncated.clone();

    assertThatThrownBy(() -> WireMessages.parse(PlaceBet.getDefaultInstance(), truncated))
        .isInstanceOf(MalformedMessageException.class);
    assertThat(Arrays.equals(truncated, copy)).isTrue();
  }
}
