package dev.slipstream.bench.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerBenchmarkIT {

  @Test
  void aShortRunOnTheEmbeddedDatabaseEndsWithOneSummaryLineAndCleanBooks() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LedgerBenchOptions options =
        LedgerBenchOptions.parse(
            List.of(
                "--clients=16", "--wallets=50", "--duration-s=2", "--warmup-s=0", "--bet-pct=20"));

    int exit = LedgerBenchmark.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(exit).isZero();
    assertThat(lines).anyMatch(l -> l.startsWith("reconciliation: clean"));
    assertThat(lines.getLast())
        .matches(
            "ledger: tps=[1-9]\\d* p50=\\d+\\.\\d\\d p99=\\d+\\.\\d\\d max=\\d+\\.\\d\\d ms"
                + " batches=[1-9]\\d* avg_batch=\\d+\\.\\d");
  }
}
