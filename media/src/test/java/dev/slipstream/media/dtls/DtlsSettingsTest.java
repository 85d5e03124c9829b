package dev.slipstream.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DtlsSettingsTest {
  @Test
  void theDefaultsAreValid() {
    DtlsSettings defaults = DtlsSettings.defaults();

    assertThat(defaults.handshakeTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(defaults.maxDatagramSize()).isEqualTo(1200);
  }

  @Test
  void aValueOutOfRangeIsRefusedNamingTheSettingTheValueAndTheRange() {
    assertThatThrownBy(() -> new DtlsSettings(Duration.ZERO, Duration.ofMillis(100), 1200, 64))
        .hasMessage("dtls.handshakeTimeout=PT0S: must be between PT0.1S and PT10M");
    assertThatThrownBy(
            () -> new DtlsSettings(Duration.ofSeconds(5), Duration.ofMillis(100), 100, 64))
        .hasMessage("dtls.maxDatagramSize=100: must be between 256 and 65507 bytes");
    assertThatThrownBy(
            () -> new DtlsSettings(Duration.ofSeconds(5), Duration.ofMillis(100), 1200, 0))
        .hasMessage("dtls.inboundQueueCapacity=0: must be between 1 and 4096");
  }
}
