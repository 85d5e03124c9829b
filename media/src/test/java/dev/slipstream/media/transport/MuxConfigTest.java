package dev.slipstream.media.transport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MuxConfigTest {
  private static final InetSocketAddress ANY = new InetSocketAddress(0);

  @Test
  void aBadSettingIsNamedWithItsValueAndTheAllowedRange() {
    assertThatThrownBy(() -> UdpMuxConfig.defaults(ANY).withConsentTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("consentTimeout must be between PT1S and PT1H (was PT0S)");
    assertThatThrownBy(() -> UdpMuxConfig.defaults(ANY).withSocketBufferBytes(1_000))
        .hasMessage("socketBufferBytes must be 0 or between 65536 and 67108864 (was 1000)");
    assertThatThrownBy(() -> TcpMuxConfig.defaults(ANY).withMaxConnections(0))
        .hasMessage("maxConnections must be between 1 and 100000 (was 0)");
  }

  @Test
  void anUnresolvedBindAddressIsRejected() {
    assertThatThrownBy(
            () -> UdpMuxConfig.defaults(InetSocketAddress.createUnresolved("sfu.invalid", 1)))
        .hasMessage("bind must be a resolved address (was sfu.invalid/<unresolved>:1)");
  }
}
