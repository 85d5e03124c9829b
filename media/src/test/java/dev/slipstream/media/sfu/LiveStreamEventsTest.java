package dev.slipstream.media.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LiveStreamEventsTest {

  /** Records what it hears; optionally holds the event thread on one stream until released. */
  private static final class Recorder implements LiveStreamWatcher {
    final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    final CountDownLatch release = new CountDownLatch(1);
    final String holdOn;

    Recorder(String holdOn) {
      this.holdOn = holdOn;
    }

    @Override
    public void streamLive(String streamId) {
      heard.add("live " + streamId);
      if (streamId.equals(holdOn)) {
        try {
          release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public void streamIdle(String streamId) {
      heard.add("idle " + streamId);
    }
  }

  @Test
  void aWatcherAddedWhileAnEventWaitsHearsThatStreamGoLiveOnce() throws Exception {
    Recorder busy = new Recorder("held");
    Recorder late = new Recorder("");
    try (LiveStreamEvents events = new LiveStreamEvents()) {
      events.add(busy, List.of());
      events.live("held");
      assertThat(busy.heard.poll(5, TimeUnit.SECONDS)).isEqualTo("live held");
      events.live("a");
      events.add(late, List.of("held", "a"));
      events.idle("a");
      busy.release.countDown();
      assertThat(late.heard.poll(5, TimeUnit.SECONDS)).isEqualTo("live held");
      assertThat(late.heard.poll(5, TimeUnit.SECONDS)).isEqualTo("live a");
      assertThat(late.heard.poll(5, TimeUnit.SECONDS)).isEqualTo("idle a");
      assertThat(busy.heard.poll(5, TimeUnit.SECONDS)).isEqualTo("live a");
      assertThat(busy.heard.poll(5, TimeUnit.SECONDS)).isEqualTo("idle a");
    }
    assertThat(late.heard).isEmpty();
    assertThat(busy.heard).isEmpty();
  }
}
