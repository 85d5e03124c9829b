package dev.slipstream.media.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.media.TestMediaPlane;
import dev.slipstream.media.ingest.SyntheticSource;
import dev.slipstream.media.stream.NewStream;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Per-stream work hears streams go live and idle, including those live before it watched. */
class LiveStreamWatcherIT {

  @Test
  void aWatcherHearsStreamsGoLiveAndIdleInOrder() throws Exception {
    try (TestMediaPlane plane = TestMediaPlane.start()) {
      NewStream early = plane.directory().create("Already live");
      NewStream later = plane.directory().create("Goes live later");
      BlockingQueue<String> heard = new LinkedBlockingQueue<>();
      try (SyntheticSource first = start(plane, early)) {
        plane
            .media()
            .watchLiveStreams(
                new LiveStreamWatcher() {
                  @Override
                  public void streamLive(String streamId) {
                    heard.add("live " + streamId);
                  }

                  @Override
                  public void streamIdle(String streamId) {
                    heard.add("idle " + streamId);
                  }
                });
        assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo("live " + early.stream().id());
        try (SyntheticSource second = start(plane, later)) {
          assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo("live " + later.stream().id());
        }
        assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo("idle " + later.stream().id());
      }
      assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo("idle " + early.stream().id());
      assertThat(List.copyOf(heard)).isEmpty();
    }
  }

  private static SyntheticSource start(TestMediaPlane plane, NewStream stream) {
    return SyntheticSource.start(
        plane.media(),
        stream.stream().id(),
        stream.publishKey().value(),
        Clock.systemUTC(),
        new SplittableRandom(1));
  }
}
