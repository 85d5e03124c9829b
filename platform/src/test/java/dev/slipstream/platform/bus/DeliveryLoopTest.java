package dev.slipstream.platform.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The subscription thread's wake-up, failure and close behaviour, with hand-written steps. */
class DeliveryLoopTest {
  // Long enough that a lost wake-up would make a test time out instead of pass by polling.
  private static final Duration NO_POLL = Duration.ofMinutes(5);

  @Test
  void aWakeUpThatArrivesWhileTheStepIsBlockedElsewhereIsNotLost() throws InterruptedException {
    CountDownLatch inFirstStep = new CountDownLatch(1);
    CountDownLatch unblock = new CountDownLatch(1);
    CountDownLatch secondStep = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    DeliveryLoop loop =
        new DeliveryLoop(
            "test",
            NO_POLL,
            self -> {
              if (calls.incrementAndGet() == 1) {
                inFirstStep.countDown();
                // A blocking call inside the step (a lock, a Redis future) parks this same thread.
                awaitQuietly(unblock);
              } else {
                secondStep.countDown();
              }
              return false;
            });
    loop.start(() -> {});

    assertThat(inFirstStep.await(5, TimeUnit.SECONDS)).isTrue();
    loop.wake();
    Thread.sleep(50);
    unblock.countDown();

    assertThat(secondStep.await(5, TimeUnit.SECONDS)).as("the loop looked again").isTrue();
    loop.close();
  }

  @Test
  void aThrowingListenerIsContainedAndTheNextItemStillGoesToIt() throws InterruptedException {
    List<Integer> delivered = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    DeliveryLoop loop =
        new DeliveryLoop(
            "test",
            NO_POLL,
            self -> {
              for (int item = 1; item <= 3; item++) {
                int current = item;
                self.deliver(
                    () -> {
                      delivered.add(current);
                      if (current == 2) {
                        throw new IllegalStateException("listener bug");
                      }
                    });
              }
              done.countDown();
              return false;
            });
    loop.start(() -> {});

    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(delivered).containsExactly(1, 2, 3);
    loop.close();
  }

  @Test
  void closeWaitsForTheDeliveryInProgressAndRunsTheUnregisterActionOnce()
      throws InterruptedException {
    CountDownLatch delivering = new CountDownLatch(1);
    AtomicInteger finished = new AtomicInteger();
    AtomicInteger unregistered = new AtomicInteger();
    DeliveryLoop loop =
        new DeliveryLoop(
            "test",
            NO_POLL,
            self ->
                self.deliver(
                    () -> {
                      delivering.countDown();
                      sleepQuietly(Duration.ofMillis(200));
                      finished.incrementAndGet();
                    }));
    loop.start(unregistered::incrementAndGet);
    assertThat(delivering.await(5, TimeUnit.SECONDS)).isTrue();

    loop.close();
    int finishedAtClose = finished.get();
    loop.close();
    sleepQuietly(Duration.ofMillis(250));

    assertThat(finishedAtClose).isEqualTo(1);
    assertThat(finished.get()).as("nothing delivered after close returned").isEqualTo(1);
    assertThat(unregistered.get()).isEqualTo(1);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
