package dev.slipstream.bench.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LedgerBenchOptionsTest {

  @Test
  void noArgumentsGiveTheDocumentedDefaults() {
    assertThat(LedgerBenchOptions.parse(List.of()))
        .isEqualTo(new LedgerBenchOptions(Optional.empty(), 512, 10_000, 25, 5, 1_000, 0, true));
  }

  @Test
  void everyOptionIsRead() {
    LedgerBenchOptions options =
        LedgerBenchOptions.parse(
            List.of(
                "--database-url=jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
                "--clients=64",
                "--wallets=100",
                "--duration-s=3",
                "--warmup-s=0",
                "--batch=250",
                "--bet-pct=30"));

    assertThat(options)
        .isEqualTo(
            new LedgerBenchOptions(
                Optional.of("jdbc:postgresql://127.0.0.1:5432/test?user=postgres"),
                64,
                100,
                3,
                0,
                250,
                30,
                true));
    assertThat(LedgerBenchOptions.parse(List.of("--audit=off")).audit()).isFalse();
  }

  @Test
  void badValuesAreRefusedNamingTheOption() {
    assertThatThrownBy(() -> LedgerBenchOptions.parse(List.of("--clients=0")))
        .hasMessage("--clients must be a positive whole number (was 0)");
    assertThatThrownBy(() -> LedgerBenchOptions.parse(List.of("--bet-pct=101")))
        .hasMessage("--bet-pct must be 0 to 100 (was 101)");
    assertThatThrownBy(() -> LedgerBenchOptions.parse(List.of("--wallets=1")))
        .hasMessage("--wallets must be at least 2 (was 1)");
    assertThatThrownBy(() -> LedgerBenchOptions.parse(List.of("--fast")))
        .hasMessageStartingWith("unknown option --fast");
    assertThatThrownBy(() -> LedgerBenchOptions.parse(List.of("--audit=maybe")))
        .hasMessage("--audit must be on or off (was maybe)");
    assertThatThrownBy(
            () ->
                LedgerBenchOptions.parse(
                    List.of("--audit=off", "--database-url=jdbc:postgresql://127.0.0.1/test")))
        .hasMessage(
            "--audit=off only runs on the throw-away embedded database, not on --database-url");
  }
}
