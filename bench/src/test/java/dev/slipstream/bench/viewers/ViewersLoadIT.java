package dev.slipstream.bench.viewers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ViewersLoadIT {
  private static InProcessNode node;

  @BeforeAll
  static void startNodeWithSyntheticSource() {
    node = InProcessNode.start(1_500, 7, Clock.systemUTC(), System::nanoTime);
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  @Test
  void fiveViewersReceiveAndDecryptEveryPacketForThreeSeconds() throws InterruptedException {
    List<ViewerFigures> before;
    List<ViewerFigures> after;
    try (ViewerFleet fleet = new ViewerFleet(node, 2, 4, 7, Clock.systemUTC(), System::nanoTime)) {
      fleet.growTo(5, 5);
      before = fleet.figures();
      TimeUnit.SECONDS.sleep(3);
      after = fleet.figures();
    }

    assertThat(after).hasSize(5);
    assertThat(after)
        .allSatisfy(
            viewer -> {
              assertThat(viewer.phase()).isEqualTo(ViewerPeer.Phase.RECEIVING);
              assertThat(viewer.srtpFailures()).as("SRTP authentication failures").isZero();
              assertThat(viewer.expected() - viewer.received()).as("lost packets").isZero();
              assertThat(viewer.join()).isPositive();
            });
    // About 220 packets a second each (video at 1.5 Mbit/s, audio every 20 ms).
    long receivedInWindow =
        after.stream().mapToLong(ViewerFigures::received).sum()
            - before.stream().mapToLong(ViewerFigures::received).sum();
    assertThat(receivedInWindow).isGreaterThan(5 * 3 * 150);
  }

  @Test
  void theSummaryLineHasTheAgreedShape() throws InterruptedException {
    try (ViewerFleet fleet = new ViewerFleet(node, 1, 4, 8, Clock.systemUTC(), System::nanoTime)) {
      ViewersOptions options =
          ViewersOptions.parse(List.of("--viewers=2", "--duration-s=1", "--settle-s=0"));
      StepResult step = new StepRunner(fleet, node, null, options, System::nanoTime).run(0, 2);

      assertThat(step.summary())
          .matches(
              "viewers: viewers=2 bitrate_kbps=1500 loss_pct=0\\.00 cpu_pct=\\d+ rss_mb=\\d+"
                  + " p50_join_ms=\\d+ sustained=true");
    }
  }
}
