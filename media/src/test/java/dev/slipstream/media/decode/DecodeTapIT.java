package dev.slipstream.media.decode;

import static dev.slipstream.media.TestMediaPlane.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.media.TestMediaPlane;
import dev.slipstream.media.ingest.ClockPattern;
import dev.slipstream.media.ingest.SyntheticSource;
import dev.slipstream.media.sfu.LiveStreamStats;
import dev.slipstream.media.stream.NewStream;
import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The decode tap on a real stream: the synthetic source's frames come out decoded and on time. */
class DecodeTapIT {
  private TestMediaPlane plane;

  @BeforeEach
  void start() throws Exception {
    plane = TestMediaPlane.start();
  }

  @AfterEach
  void stop() {
    plane.close();
  }

  @Test
  void framesArriveAtFifteenASecondSixHundredFortyWideWithTheSendersClockReadable()
      throws Exception {
    NewStream stream = plane.directory().create("Tapped heat");
    String id = stream.stream().id();
    List<DecodedFrame> frames = new CopyOnWriteArrayList<>();
    List<Long> clockLagMillis = new CopyOnWriteArrayList<>();
    try (SyntheticSource source = startSource(stream);
        FrameTap tap =
            plane
                .media()
                .tap(
                    id,
                    DecodeTapSettings.VISION,
                    frame -> {
                      frames.add(frame);
                      OptionalLong burned = ClockPattern.read(frame.toImage());
                      burned.ifPresent(
                          value -> {
                            long sent =
                                ClockPattern.unwrap(value, frame.decodedAt().toEpochMilli());
                            clockLagMillis.add(frame.decodedAt().toEpochMilli() - sent);
                          });
                    })) {
      waitUntil(() -> frames.size() >= 5, 10);
      int before = frames.size();
      Thread.sleep(3_000);
      int inThreeSeconds = frames.size() - before;

      assertThat(inThreeSeconds).isBetween(40, 50);
      assertThat(frames).allSatisfy(f -> assertThat(f.width()).isEqualTo(640));
      assertThat(frames).allSatisfy(f -> assertThat(f.height()).isEqualTo(360));
      List<Long> steps = mediaTimeSteps(frames.subList(before, frames.size()));
      // The source's frames follow its (busy) thread's clock, so single steps wander; the rate
      // holds and no frame is far off its slot.
      assertThat(median(steps)).isBetween(60_000L, 73_000L);
      assertThat(steps).allSatisfy(step -> assertThat(step).isBetween(30_000L, 140_000L));
      assertThat(clockLagMillis).hasSizeGreaterThan(frames.size() * 9 / 10);
      assertThat(median(clockLagMillis)).isBetween(0L, 100L);
      DecodeTapStats stats = tap.stats();
      assertThat(stats.decodeErrors()).isZero();
      assertThat(stats.packetsDropped()).isZero();
      assertThat(stats.framesDecoded()).isGreaterThan(stats.framesDelivered());
      assertThat(stats.framesDelivered()).isEqualTo(frames.size());
    }
  }

  @Test
  void aSlowSinkLosesFramesButNeverFallsBehindOrSlowsTheStream() throws Exception {
    NewStream stream = plane.directory().create("Slow analysis");
    String id = stream.stream().id();
    List<Long> handOffLagMillis = new CopyOnWriteArrayList<>();
    try (SyntheticSource source = startSource(stream)) {
      waitUntil(() -> framesPerSecond(id) >= 25, 10);
      try (FrameTap tap =
          plane
              .media()
              .tap(
                  id,
                  DecodeTapSettings.VISION,
                  frame -> {
                    handOffLagMillis.add(
                        Duration.between(frame.decodedAt(), Clock.systemUTC().instant())
                            .toMillis());
                    sleep(250);
                  })) {
        Thread.sleep(3_000);

        DecodeTapStats stats = tap.stats();
        assertThat(stats.framesDroppedSinkBusy()).isGreaterThan(20);
        assertThat(stats.framesDelivered()).isBetween(8L, 16L);
        assertThat(handOffLagMillis).allSatisfy(lag -> assertThat(lag).isLessThan(300));
        assertThat(framesPerSecond(id)).isGreaterThanOrEqualTo(25);
      }
    }
  }

  private double framesPerSecond(String id) {
    return plane.media().stats(id).map(LiveStreamStats::framesPerSecond).orElse(0.0);
  }

  @Test
  void theSinkHearsTheEndWhenTheStreamStopsBeingLive() throws Exception {
    NewStream stream = plane.directory().create("Short heat");
    CountDownLatch ended = new CountDownLatch(1);
    FrameTap tap;
    try (SyntheticSource source = startSource(stream)) {
      tap =
          plane
              .media()
              .tap(
                  stream.stream().id(),
                  DecodeTapSettings.VISION,
                  new FrameSink() {
                    @Override
                    public void onFrame(DecodedFrame frame) {}

                    @Override
                    public void onEnd() {
                      ended.countDown();
                    }
                  });
      waitUntil(() -> tap.stats().framesDelivered() > 0, 10);
    }
    assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(tap.isClosed()).isTrue();
  }

  @Test
  void onlyALiveStreamCanBeTapped() {
    String idle = plane.directory().create("Not yet").stream().id();

    assertThatThrownBy(() -> plane.media().tap(idle, DecodeTapSettings.VISION, frame -> {}))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("has no publisher");
    assertThatThrownBy(() -> plane.media().tap("nope", DecodeTapSettings.VISION, frame -> {}))
        .isInstanceOf(NotFoundException.class);
  }

  private SyntheticSource startSource(NewStream stream) {
    return SyntheticSource.start(
        plane.media(),
        stream.stream().id(),
        stream.publishKey().value(),
        Clock.systemUTC(),
        new SplittableRandom(7));
  }

  private static List<Long> mediaTimeSteps(List<DecodedFrame> frames) {
    return java.util.stream.IntStream.range(1, frames.size())
        .mapToObj(i -> frames.get(i).mediaTimeMicros() - frames.get(i - 1).mediaTimeMicros())
        .toList();
  }

  private static long median(List<Long> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
