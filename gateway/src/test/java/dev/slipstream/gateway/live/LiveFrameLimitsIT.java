package dev.slipstream.gateway.live;

import static dev.slipstream.gateway.live.LiveSocketIT.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.wire.v1.Topic;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Frames over the live socket's size limit close the socket with 1009 (message too big), in both
 * formats, rather than dropping the connection without a code; a socket next to it is untouched.
 */
class LiveFrameLimitsIT {
  private LiveFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void oversizeBinaryAndTextFramesCloseTheSocketWith1009() throws Exception {
    fixture = new LiveFixture(LiveSettings.defaults(), null, null);
    Random random = new Random(3);
    try (LiveClient bystander = fixture.anonymous();
        LiveClient binary = fixture.anonymous();
        LiveClient text = fixture.anonymous()) {
      bystander.send(subscribe("r1", "m", Topic.TOPIC_STREAM_MARKETS, "s-1"));
      assertThat(bystander.next().hasSubscribed()).isTrue();
      byte[] big = new byte[64 * 1024 + 1];
      random.nextBytes(big);
      binary.sendRaw(big);
      text.sendRaw("{\"requestId\":\"" + "x".repeat(64 * 1024) + "\"}");
      for (LiveClient refused : new LiveClient[] {binary, text}) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (refused.closedWith.get() == -1 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(refused.closedWith.get()).isEqualTo(1009);
      }
      bystander.send(subscribe("r2", "a", Topic.TOPIC_STREAM_ANALYTICS, "s-1"));
      assertThat(bystander.next().getSubscribed().getSubscriptionId()).isEqualTo("a");
      assertThat(bystander.closedWith.get()).isEqualTo(-1);
    }
  }
}
