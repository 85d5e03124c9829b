package dev.slipstream.platform.bus;

/**
 * Delivers one topic to one listener in offset order, the same way for every implementation.
 *
 * <p>Design: the follower keeps a single cursor, the next offset it owes the listener, and each
 * round reads a batch starting there. Replay and live delivery are the same read with the same
 * cursor, so there is no hand-over between a replay phase and a live phase where an event could be
 * missed or delivered twice; "live" is simply a read that finds the newest events. If the topic has
 * trimmed past the cursor the read says so, the listener receives {@link OffsetsTrimmed}, and the
 * cursor moves to the earliest retained offset. Only the loop's thread touches the cursor.
 */
final class TopicFollower implements DeliveryLoop.Step {
  private static final int BATCH_SIZE = 256;

  /** Reads a topic; the implementation's own {@code read} with the topic fixed. */
  @FunctionalInterface
  interface TopicReader {
    TopicRead read(long fromOffset, int maxCount);
  }

  private final TopicReader reader;
  private final TopicListener listener;
  private long nextOffset;

  TopicFollower(long fromOffset, TopicReader reader, TopicListener listener) {
    this.nextOffset = fromOffset;
    this.reader = reader;
    this.listener = listener;
  }

  @Override
  public boolean runOnce(DeliveryLoop loop) {
    return switch (reader.read(nextOffset, BATCH_SIZE)) {
      case TopicBatch batch -> {
        for (TopicEvent event : batch.events()) {
          if (!loop.deliver(() -> listener.onSignal(event))) {
            break;
          }
          nextOffset = event.offset() + 1;
        }
        yield !batch.events().isEmpty();
      }
      case OffsetsTrimmed trimmed -> {
        loop.deliver(() -> listener.onSignal(trimmed));
        nextOffset = trimmed.earliestOffset();
        yield true;
      }
    };
  }
}
