package dev.slipstream.platform.bus;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventBus} must do. An implementation's test extends this class and says how to
 * open fresh shared state with given limits.
 */
@SuppressWarnings(
    "try") // subscriptions a test never touches are still closed by try-with-resources
public abstract class EventBusContract {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration QUIET = Duration.ofMillis(300);

  private final List<SharedState> opened = new ArrayList<>();

  /** The bus under test with roomy limits, fresh for each test. */
  protected EventBus bus;

  /**
   * Opens shared state whose bus starts empty, shares nothing with other tests, has {@code limits}.
   */
  protected abstract SharedState open(BusLimits limits);

  @BeforeEach
  void openBus() {
    bus = openBus(new BusLimits(10_000, 1_024));
  }

  @AfterEach
  void closeEverything() {
    opened.forEach(SharedState::close);
  }

  /** Opens another bus, closed after the test. */
  protected EventBus openBus(BusLimits limits) {
    SharedState shared = open(limits);
    opened.add(shared);
    return shared.bus();
  }

  @Test
  void offsetsStartAtOneAndGrowByOnePerTopicIndependently() {
    assertThat(List.of(bus.append("odds.1", bytes("a")), bus.append("odds.1", bytes("b"))))
        .containsExactly(1L, 2L);
    assertThat(bus.append("odds.2", bytes("c"))).isEqualTo(1);
    assertThat(bus.append("odds.1", bytes("d"))).isEqualTo(3);

    assertThat(bus.latestOffset("odds.1")).isEqualTo(3);
    assertThat(bus.latestOffset("odds.2")).isEqualTo(1);
    assertThat(bus.latestOffset("never.written")).isZero();
  }

  @Test
  void readReplaysFromTheRequestedOffsetInOrderAndHonoursMaxCount() {
    appendNumbered(bus, "stream.a", 10);

    assertThat(events(bus.read("stream.a", 4, 3)))
        .containsExactly(event("stream.a", 4), event("stream.a", 5), event("stream.a", 6));
    assertThat(events(bus.read("stream.a", 9, 100)))
        .extracting(TopicEvent::offset)
        .containsExactly(9L, 10L);
    assertThat(events(bus.read("stream.a", 11, 100))).isEmpty();
    assertThat(events(bus.read("no.such.topic", 1, 100))).isEmpty();
  }

  @Test
  void concurrentAppendersGetDenseOffsetsWithNoGapOrDuplicate() throws Exception {
    int threads = 4;
    int perThread = 200;
    Map<Long, String> appended = new ConcurrentHashMap<>();
    CountDownLatch start = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String writer = "w" + t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<Long> mine = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    String payload = writer + "-" + i;
                    long offset = bus.append("market.9", bytes(payload));
                    appended.put(offset, payload);
                    mine.add(offset);
                  }
                  return mine;
                }));
      }
      start.countDown();
      for (Future<List<Long>> result : results) {
        assertThat(result.get()).as("one appender's offsets increase").isSorted();
      }
    }

    int total = threads * perThread;
    assertThat(appended.keySet())
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
    assertThat(bus.latestOffset("market.9")).isEqualTo(total);
    List<TopicEvent> stored = events(bus.read("market.9", 1, total));
    assertThat(stored).hasSize(total);
    for (TopicEvent event : stored) {
      assertThat(text(event.payload())).isEqualTo(appended.get(event.offset()));
    }
  }

  @Test
  void aSubscriberGetsReplayThenLiveEventsWithNoGapOrDuplicateAcrossTheBoundary() throws Exception {
    appendNumbered(bus, "game.1", 50);
    RecordingTopicListener listener = new RecordingTopicListener();
    Thread appender =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 51; i <= 300; i++) {
                    bus.append("game.1", bytes("e" + i));
                  }
                });

    try (Subscription ignored = bus.subscribe("game.1", 20, listener)) {
      appender.join();
      eventually().until(() -> listener.lastOffset() == 300);

      assertThat(listener.offsets()).isEqualTo(LongStream.rangeClosed(20, 300).boxed().toList());
      assertThat(listener.signals())
          .allSatisfy(
              signal ->
                  assertThat(text(((TopicEvent) signal).payload()))
                      .isEqualTo("e" + ((TopicEvent) signal).offset()));
    }
  }

  @Test
  void aSubscriptionFromAnOffsetNotYetWrittenWaitsForIt() {
    RecordingTopicListener listener = new RecordingTopicListener();
    try (Subscription ignored = bus.subscribe("later", 3, listener)) {
      appendNumbered(bus, "later", 4);

      eventually().until(() -> listener.lastOffset() == 4);
      assertThat(listener.offsets()).containsExactly(3L, 4L);
    }
  }

  @Test
  void readingATrimmedOffsetSaysWhatWasLostAndWhereTheTopicNowStarts() {
    EventBus small = openBus(new BusLimits(5, 16));
    appendNumbered(small, "odds.5", 12);

    TopicRead read = small.read("odds.5", 1, 100);

    assertThat(read).isEqualTo(new OffsetsTrimmed("odds.5", 1, 8));
    assertThat(((OffsetsTrimmed) read).lostCount()).isEqualTo(7);
    assertThat(events(small.read("odds.5", 8, 100)))
        .extracting(TopicEvent::offset)
        .containsExactly(8L, 9L, 10L, 11L, 12L);
    assertThat(small.latestOffset("odds.5")).isEqualTo(12);
  }

  @Test
  void topicsWithAShorterRetentionByPrefixAreTrimmedSoonerThanTheRest() {
    EventBus bus = openBus(new BusLimits(100, 16).withRetention("account.", 3));
    appendNumbered(bus, "account.u1", 6);
    appendNumbered(bus, "odds.6", 6);

    assertThat(bus.read("account.u1", 1, 100)).isEqualTo(new OffsetsTrimmed("account.u1", 1, 4));
    assertThat(events(bus.read("account.u1", 4, 100)))
        .extracting(TopicEvent::offset)
        .containsExactly(4L, 5L, 6L);
    assertThat(events(bus.read("odds.6", 1, 100))).hasSize(6);
  }

  @Test
  void aSubscriberFromATrimmedOffsetIsToldWhatWasLostThenContinuesFromTheEarliest() {
    EventBus small = openBus(new BusLimits(5, 16));
    appendNumbered(small, "odds.5", 12);
    RecordingTopicListener listener = new RecordingTopicListener();

    try (Subscription ignored = small.subscribe("odds.5", 3, listener)) {
      eventually().until(() -> listener.lastOffset() == 12);
      small.append("odds.5", bytes("e13"));
      eventually().until(() -> listener.lastOffset() == 13);
    }

    assertThat(listener.signals().getFirst()).isEqualTo(new OffsetsTrimmed("odds.5", 3, 8));
    assertThat(listener.offsets()).containsExactly(8L, 9L, 10L, 11L, 12L, 13L);
  }

  @Test
  void aSlowSubscriberOvertakenByRetentionIsToldWhatItMissedWhileAppendersNeverWait()
      throws InterruptedException {
    EventBus small = openBus(new BusLimits(5, 16));
    RecordingTopicListener recorder = new RecordingTopicListener();
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TopicListener slow =
        signal -> {
          recorder.onSignal(signal);
          busy.countDown();
          awaitQuietly(release);
        };

    try (Subscription ignored = small.subscribe("viewers", 1, slow)) {
      small.append("viewers", bytes("e1"));
      assertThat(busy.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      for (int i = 2; i <= 20; i++) {
        small.append("viewers", bytes("e" + i));
      }
      assertThat(small.latestOffset("viewers")).isEqualTo(20);
      release.countDown();

      eventually().until(() -> recorder.lastOffset() == 20);
    }

    assertThat(recorder.signals().get(1)).isEqualTo(new OffsetsTrimmed("viewers", 2, 16));
    assertThat(recorder.offsets()).containsExactly(1L, 16L, 17L, 18L, 19L, 20L);
  }

  @Test
  void closingATopicSubscriptionStopsDeliveryToItWhileOthersGoOn() {
    RecordingTopicListener closed = new RecordingTopicListener();
    RecordingTopicListener open = new RecordingTopicListener();
    try (Subscription ignored = bus.subscribe("t", 1, open)) {
      Subscription subscription = bus.subscribe("t", 1, closed);
      bus.append("t", bytes("e1"));
      eventually().until(() -> closed.lastOffset() == 1);

      subscription.close();
      subscription.close();
      bus.append("t", bytes("e2"));
      bus.append("t", bytes("e3"));

      eventually().until(() -> open.lastOffset() == 3);
      eventually().during(QUIET).until(() -> closed.offsets().equals(List.of(1L)));
    }
  }

  @Test
  void aListenerMayCloseItsOwnSubscriptionAndGetsNothingAfterwards() {
    RecordingTopicListener recorder = new RecordingTopicListener();
    RecordingTopicListener witness = new RecordingTopicListener();
    AtomicReference<Subscription> self = new AtomicReference<>();
    TopicListener closesAtTwo =
        signal -> {
          recorder.onSignal(signal);
          if (signal instanceof TopicEvent event && event.offset() == 2) {
            self.get().close();
          }
        };

    try (Subscription ignored = bus.subscribe("t", 1, witness)) {
      self.set(bus.subscribe("t", 1, closesAtTwo));
      appendNumbered(bus, "t", 5);

      eventually().until(() -> witness.lastOffset() == 5);
      eventually().during(QUIET).until(() -> recorder.offsets().equals(List.of(1L, 2L)));
    }
  }

  @Test
  void aThrowingTopicListenerKeepsGettingEventsAndOthersAreUnaffected() {
    RecordingTopicListener thrower = new RecordingTopicListener();
    RecordingTopicListener other = new RecordingTopicListener();
    TopicListener throwing =
        signal -> {
          thrower.onSignal(signal);
          throw new IllegalStateException("listener bug");
        };

    try (Subscription a = bus.subscribe("t", 1, throwing);
        Subscription b = bus.subscribe("t", 1, other)) {
      appendNumbered(bus, "t", 3);

      eventually().until(() -> other.lastOffset() == 3 && thrower.lastOffset() == 3);
      assertThat(thrower.offsets()).containsExactly(1L, 2L, 3L);
      assertThat(other.offsets()).containsExactly(1L, 2L, 3L);
    }
  }

  @Test
  void appendedBytesAreCopiedSoChangingTheArrayLaterChangesNothing() {
    byte[] payload = bytes("abc");
    bus.append("t", payload);
    payload[0] = 'X';

    assertThat(events(bus.read("t", 1, 1))).containsExactly(new TopicEvent("t", 1, bytes("abc")));
  }

  @Test
  void everyChannelSubscriberGetsEveryMessageInPublishOrder() {
    List<RecordingChannelListener> listeners =
        List.of(
            new RecordingChannelListener(),
            new RecordingChannelListener(),
            new RecordingChannelListener());
    List<Subscription> subscriptions = new ArrayList<>();
    listeners.forEach(listener -> subscriptions.add(bus.subscribe("presence", listener)));
    List<String> sent = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      sent.add("m" + i);
      bus.publish("presence", bytes("m" + i));
    }

    for (RecordingChannelListener listener : listeners) {
      eventually().until(() -> listener.texts().size() == 20);
      assertThat(listener.texts()).isEqualTo(sent);
    }
    subscriptions.forEach(Subscription::close);
  }

  @Test
  void aChannelDeliversOnlyWhatIsPublishedAfterSubscribing() {
    bus.publish("news", bytes("before anyone listened"));
    RecordingChannelListener listener = new RecordingChannelListener();

    try (Subscription ignored = bus.subscribe("news", listener)) {
      bus.publish("news", bytes("after"));

      eventually().until(() -> !listener.texts().isEmpty());
      eventually().during(QUIET).until(() -> listener.texts().equals(List.of("after")));
    }
  }

  @Test
  void closingAChannelSubscriptionStopsDeliveryToItWhileOthersGoOn() {
    RecordingChannelListener closed = new RecordingChannelListener();
    RecordingChannelListener open = new RecordingChannelListener();
    try (Subscription ignored = bus.subscribe("fanout", open)) {
      Subscription subscription = bus.subscribe("fanout", closed);
      bus.publish("fanout", bytes("1"));
      eventually().until(() -> closed.texts().size() == 1);

      subscription.close();
      bus.publish("fanout", bytes("2"));

      eventually().until(() -> open.texts().equals(List.of("1", "2")));
      eventually().during(QUIET).until(() -> closed.texts().equals(List.of("1")));
    }
  }

  @Test
  void aThrowingChannelListenerKeepsGettingMessagesAndOthersAreUnaffected() {
    RecordingChannelListener thrower = new RecordingChannelListener();
    RecordingChannelListener other = new RecordingChannelListener();
    ChannelListener throwing =
        message -> {
          thrower.onMessage(message);
          throw new IllegalStateException("listener bug");
        };

    try (Subscription a = bus.subscribe("fanout", throwing);
        Subscription b = bus.subscribe("fanout", other)) {
      for (int i = 1; i <= 3; i++) {
        bus.publish("fanout", bytes("m" + i));
      }

      eventually().until(() -> other.texts().size() == 3 && thrower.texts().size() == 3);
      assertThat(thrower.texts()).containsExactly("m1", "m2", "m3");
      assertThat(other.texts()).containsExactly("m1", "m2", "m3");
    }
  }

  @Test
  void aSlowChannelSubscriberLosesItsOldestWaitingMessagesAndNeverBlocksPublishers()
      throws InterruptedException {
    EventBus small = openBus(new BusLimits(16, 4));
    RecordingChannelListener slowRecorder = new RecordingChannelListener();
    RecordingChannelListener fast = new RecordingChannelListener();
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ChannelListener slow =
        message -> {
          slowRecorder.onMessage(message);
          busy.countDown();
          awaitQuietly(release);
        };

    try (Subscription a = small.subscribe("ticks", slow);
        Subscription b = small.subscribe("ticks", fast)) {
      small.publish("ticks", bytes("m1"));
      assertThat(busy.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      for (int i = 2; i <= 10; i++) {
        small.publish("ticks", bytes("m" + i));
      }
      // Each message is handed to the subscribers in the order they joined, so once the second
      // one has m10 (the newest, never dropped) the slow one's buffer has seen every message.
      eventually().until(() -> fast.texts().contains("m10"));
      release.countDown();

      eventually().until(() -> slowRecorder.texts().contains("m10"));
      assertThat(slowRecorder.texts()).containsExactly("m1", "m7", "m8", "m9", "m10");
    }
  }

  @Test
  void badArgumentsAreRefusedWithAMessageNamingThem() {
    TopicListener topicListener = signal -> {};
    assertRefused(() -> bus.append(null, bytes("x")), "topic must not be null");
    assertRefused(() -> bus.append("", bytes("x")), "topic must not be empty");
    assertRefused(
        () -> bus.append("has space", bytes("x")),
        "topic may contain only letters, digits and . _ : - (was \"has space\")");
    assertRefused(
        () -> bus.append("t".repeat(201), bytes("x")),
        "topic must be at most 200 characters (was 201)");
    assertRefused(() -> bus.append("t", null), "payload must not be null");
    assertRefused(
        () -> bus.read("t", -1, 10), "fromOffset must be at least 1, offsets start at 1 (was -1)");
    assertRefused(
        () -> bus.read("t", 0, 10), "fromOffset must be at least 1, offsets start at 1 (was 0)");
    assertRefused(() -> bus.read("t", 1, 0), "maxCount must be between 1 and 10000 (was 0)");
    assertRefused(
        () -> bus.subscribe("t", -5, topicListener),
        "fromOffset must be at least 1, offsets start at 1 (was -5)");
    assertRefused(() -> bus.subscribe("", 1, topicListener), "topic must not be empty");
    assertRefused(() -> bus.subscribe("t", 1, (TopicListener) null), "listener must not be null");
    assertRefused(() -> bus.latestOffset(null), "topic must not be null");
    assertRefused(() -> bus.publish("", bytes("x")), "channel must not be empty");
    assertRefused(() -> bus.subscribe((String) null, message -> {}), "channel must not be null");
    assertThat(bus.latestOffset("t")).isZero();
  }

  @Test
  void closingTheSharedStateStopsSubscriptionsAndRefusesLaterCalls() {
    SharedState shared = open(BusLimits.defaults());
    opened.add(shared);
    RecordingTopicListener listener = new RecordingTopicListener();
    shared.bus().subscribe("t", 1, listener);
    shared.bus().append("t", bytes("e1"));
    eventually().until(() -> listener.lastOffset() == 1);

    shared.close();

    assertThatThrownBy(() -> shared.bus().append("t", bytes("e2")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the event bus is closed");
    assertThat(shared.bus().health().up()).isFalse();
  }

  @Test
  void healthReportsTheBusAsUp() {
    assertThat(bus.health().up()).as(bus.health().detail()).isTrue();
  }

  private static ConditionFactory eventually() {
    return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10));
  }

  private static void assertRefused(Runnable call, String message) {
    assertThatThrownBy(call::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  private static void appendNumbered(EventBus bus, String topic, int count) {
    for (int i = 1; i <= count; i++) {
      bus.append(topic, bytes("e" + i));
    }
  }

  private static List<TopicEvent> events(TopicRead read) {
    assertThat(read).isInstanceOf(TopicBatch.class);
    return ((TopicBatch) read).events();
  }

  private static TopicEvent event(String topic, long offset) {
    return new TopicEvent(topic, offset, bytes("e" + offset));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, UTF_8);
  }
}
