package dev.slipstream.bench.viewers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewersOptionsTest {
  @Test
  void withoutArgumentsItLoadsAnInProcessNodeWithOneHundredViewers() {
    ViewersOptions options = ViewersOptions.parse(List.of());

    assertThat(options.steps()).containsExactly(100);
    assertThat(options.rampPerSecond()).isEqualTo(50);
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.bitrateKbps()).isEqualTo(1_500);
    assertThat(options.url()).isEmpty();
  }

  @Test
  void aBareSweepMeasuresTheDefaultSteps() {
    assertThat(ViewersOptions.parse(List.of("--sweep")).steps())
        .containsExactly(100, 250, 500, 750);
    assertThat(ViewersOptions.parse(List.of("--sweep=10,20")).steps()).containsExactly(10, 20);
  }

  @Test
  void aWrongValueNamesTheOptionTheValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> ViewersOptions.parse(List.of("--viewers=lots")))
        .hasMessage("--viewers must be a whole number from 1 to 10000 (was 'lots')");
  }

  @Test
  void aSweepThatDoesNotRiseIsRefused() {
    assertThatThrownBy(() -> ViewersOptions.parse(List.of("--sweep=500,250")))
        .hasMessageContaining("rising viewer counts");
  }

  @Test
  void aRemoteServerNeedsItsLiveStream() {
    assertThatThrownBy(() -> ViewersOptions.parse(List.of("--url=http://127.0.0.1:8080")))
        .hasMessageContaining("--url needs --stream=<id>");
  }

  @Test
  void anUnknownOptionIsRefused() {
    assertThatThrownBy(() -> ViewersOptions.parse(List.of("--viewer=5")))
        .hasMessage("unknown option --viewer; see --help");
  }
}
