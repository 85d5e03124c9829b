package dev.slipstream.platform.state;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.platform.bus.SharedState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StateStore} must do. An implementation's test extends this class and says how
 * to open a fresh store and how to let time pass.
 */
public abstract class StateStoreContract {
  /** The time to live used by expiry tests; long enough for Redis to answer well within it. */
  protected static final Duration TTL = Duration.ofMillis(400);

  private static final int THREADS = 8;

  private SharedState shared;

  /** The store under test, fresh for each test. */
  protected StateStore store;

  /** Opens shared state whose store starts empty and shares nothing with other tests. */
  protected abstract SharedState open();

  /** Lets {@code duration} pass on the clock the store measures expiry with. */
  protected abstract void letTimePass(Duration duration) throws InterruptedException;

  @BeforeEach
  void openStore() {
    shared = open();
    store = shared.state();
  }

  @AfterEach
  void closeStore() {
    if (shared != null) {
      shared.close();
    }
  }

  @Test
  void aValuePutUnderAKeyIsReturnedByGetAndAMissingKeyIsEmpty() {
    store.put("session:1", bytes("alice"));

    assertThat(store.get("session:1"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("alice")));
    assertThat(store.get("session:2")).isEmpty();
  }

  @Test
  void putReplacesTheValueAndDeleteRemovesItReportingWhetherItWasThere() {
    store.put("odds:7", bytes("1.5"));
    store.put("odds:7", bytes("1.6"));

    assertThat(store.get("odds:7")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("1.6")));
    assertThat(store.delete("odds:7")).isTrue();
    assertThat(store.delete("odds:7")).isFalse();
    assertThat(store.get("odds:7")).isEmpty();
  }

  @Test
  void storedBytesAreCopiesSoChangingAnArrayLaterChangesNothing() {
    byte[] written = bytes("abc");
    store.put("copy", written);
    written[0] = 'X';
    byte[] read = store.get("copy").orElseThrow();
    read[1] = 'Y';

    assertThat(store.get("copy")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("abc")));
  }

  @Test
  void aValueWithATtlIsGoneOnceTheTtlHasPassedWhileOneWithoutStays() throws InterruptedException {
    store.put("presence:viewer-1", bytes("here"), Expiry.after(TTL));
    store.put("config:static", bytes("kept"));
    assertThat(store.get("presence:viewer-1")).isPresent();

    letTimePass(TTL.plusMillis(50));

    assertThat(store.get("presence:viewer-1")).isEmpty();
    assertThat(store.delete("presence:viewer-1")).isFalse();
    assertThat(store.get("config:static")).isPresent();
  }

  @Test
  void writingWithoutATtlRemovesAnEarlierTtl() throws InterruptedException {
    store.put("k", bytes("short-lived"), Expiry.after(TTL));
    store.put("k", bytes("permanent"));

    letTimePass(TTL.plusMillis(50));

    assertThat(store.get("k")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("permanent")));
  }

  @Test
  void putIfAbsentStoresOnlyWhenTheKeyIsEmptyOrExpired() throws InterruptedException {
    assertThat(store.putIfAbsent("lock:market-9", bytes("node-a"), Expiry.after(TTL))).isTrue();
    assertThat(store.putIfAbsent("lock:market-9", bytes("node-b"))).isFalse();
    assertThat(store.get("lock:market-9"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("node-a")));

    letTimePass(TTL.plusMillis(50));

    assertThat(store.putIfAbsent("lock:market-9", bytes("node-b"))).isTrue();
    assertThat(store.get("lock:market-9"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("node-b")));
  }

  @Test
  void compareAndSetReplacesOnlyAValueEqualToTheExpectedOne() {
    store.put("snapshot", bytes("v1"));

    assertThat(store.compareAndSet("snapshot", bytes("v0"), bytes("v2"))).isFalse();
    assertThat(store.compareAndSet("snapshot", bytes("v1"), bytes("v2"))).isTrue();
    assertThat(store.compareAndSet("absent", bytes("v1"), bytes("v2"))).isFalse();
    assertThat(store.get("snapshot")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("v2")));
    assertThat(store.get("absent")).isEmpty();
  }

  @Test
  void compareAndSetWithATtlMakesTheNewValueExpire() throws InterruptedException {
    store.put("snapshot", bytes("v1"));
    assertThat(store.compareAndSet("snapshot", bytes("v1"), bytes("v2"), Expiry.after(TTL)))
        .isTrue();

    letTimePass(TTL.plusMillis(50));

    assertThat(store.get("snapshot")).isEmpty();
  }

  @Test
  void compareAndSetLoopsOnManyThreadsLoseNoUpdate() throws Exception {
    store.put("total", bytes("0"));
    int perThread = 50;

    runOnThreads(
        () -> {
          for (int i = 0; i < perThread; i++) {
            boolean swapped;
            do {
              byte[] current = store.get("total").orElseThrow();
              long next = Long.parseLong(new String(current, US_ASCII)) + 1;
              swapped = store.compareAndSet("total", current, bytes(Long.toString(next)));
            } while (!swapped);
          }
          return null;
        });

    assertThat(store.get("total"))
        .hasValueSatisfying(
            v -> assertThat(v).isEqualTo(bytes(Integer.toString(THREADS * perThread))));
  }

  @Test
  void incrementByCreatesTheCounterAtZeroAndReturnsEachNewValue() {
    assertThat(store.getCounter("viewers:stream-1")).isZero();
    assertThat(store.incrementBy("viewers:stream-1", 1)).isEqualTo(1);
    assertThat(store.incrementBy("viewers:stream-1", 5)).isEqualTo(6);
    assertThat(store.incrementBy("viewers:stream-1", -2)).isEqualTo(4);

    assertThat(store.getCounter("viewers:stream-1")).isEqualTo(4);
    assertThat(store.get("viewers:stream-1"))
        .hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("4")));
  }

  @Test
  void concurrentIncrementsEachGetADistinctValueAndNoneIsLost() throws Exception {
    int perThread = 250;
    Set<Long> seen = ConcurrentHashMap.newKeySet();

    runOnThreads(
        () -> {
          for (int i = 0; i < perThread; i++) {
            seen.add(store.incrementBy("hits", 1));
          }
          return null;
        });

    int total = THREADS * perThread;
    assertThat(store.getCounter("hits")).isEqualTo(total);
    assertThat(seen).hasSize(total).allMatch(v -> v >= 1 && v <= total);
  }

  @Test
  void aCounterTtlStartsWhenTheCounterIsCreatedAndLaterIncrementsDoNotExtendIt()
      throws InterruptedException {
    Duration half = TTL.dividedBy(2);
    assertThat(store.incrementBy("rate:ip-1", 1, Expiry.after(TTL))).isEqualTo(1);
    letTimePass(half.minusMillis(50));
    assertThat(store.incrementBy("rate:ip-1", 1, Expiry.after(TTL))).isEqualTo(2);

    letTimePass(half.plusMillis(100));

    assertThat(store.getCounter("rate:ip-1")).isZero();
    assertThat(store.incrementBy("rate:ip-1", 1, Expiry.after(TTL))).isEqualTo(1);
  }

  @Test
  void incrementingAValueThatIsNotANumberIsRefusedAndLeavesItUnchanged() {
    store.put("name", bytes("alice"));

    assertThatThrownBy(() -> store.incrementBy("name", 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> store.incrementBy("name", 1, Expiry.after(TTL)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.getCounter("name")).isInstanceOf(IllegalStateException.class);
    assertThat(store.get("name")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("alice")));
  }

  @Test
  void anIncrementThatWouldOverflowIsRefused() {
    store.incrementBy("big", Long.MAX_VALUE);

    assertThatThrownBy(() -> store.incrementBy("big", 1)).isInstanceOf(IllegalStateException.class);
    assertThat(store.getCounter("big")).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aNullOrEmptyKeyANullValueOrABadTtlIsRefusedWithAMessageNamingIt() {
    assertThatThrownBy(() -> store.get(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key must not be null");
    assertThatThrownBy(() -> store.put("", bytes("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key must not be empty");
    assertThatThrownBy(() -> store.put("k", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value must not be null");
    assertThatThrownBy(() -> store.compareAndSet("k", null, bytes("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected must not be null");
    assertThatThrownBy(() -> store.put("k", bytes("x"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expiry must not be null");
    assertThatThrownBy(() -> store.incrementBy("k", 1, Expiry.after(Duration.ZERO)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ttl must be at least 1 ms (was PT0S)");
    assertThatThrownBy(() -> Expiry.after(Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl must be at least 1 ms");
    assertThatThrownBy(() -> store.put("k".repeat(1025), bytes("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key must be at most 1024 characters (was 1025)");
    assertThat(store.get("k")).isEmpty();
  }

  @Test
  void healthReportsTheStoreAsUp() {
    assertThat(store.health().up()).as(store.health().detail()).isTrue();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static void runOnThreads(java.util.concurrent.Callable<Void> work) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
      List<Future<Void>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return work.call();
                }));
      }
      start.countDown();
      for (Future<Void> future : futures) {
        future.get();
      }
    }
  }
}
