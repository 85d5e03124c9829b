package dev.slipstream.media.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MuxMetersIT {

  @Test
  void scrapedMetersFollowTheMuxCounters() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (UdpMux mux = UdpMux.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        FakeBrowser browser = new FakeBrowser(mux.localAddress(), 1)) {
      MuxMeters.bind(registry, "udp", mux);
      mux.register("sfuA", "sessionAPasswordSecret", "brwA", new RecordingSink());

      browser.send(new byte[] {100});
      browser.check("sfuA:brwA", "sessionAPasswordSecret", false);

      // The mux counts a packet once the kernel has taken it, which can be just after the browser
      // already holds the response: wait for the counters to settle rather than read them once.
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> {
                assertThat(count(registry, "packets", "direction", "in")).isEqualTo(2);
                assertThat(count(registry, "packets", "direction", "out")).isEqualTo(1);
                assertThat(count(registry, "bindings", "result", "accepted")).isEqualTo(1);
                assertThat(count(registry, "dropped", "reason", "unrecognised_packet"))
                    .isEqualTo(1);
                assertThat(count(registry, "dropped", "reason", "unknown_source")).isZero();
              });
    }
  }

  private static double count(SimpleMeterRegistry registry, String name, String tag, String value) {
    return registry
        .get("slipstream.media.mux." + name)
        .tags("transport", "udp", tag, value)
        .functionCounter()
        .count();
  }
}
