package dev.slipstream.platform.bus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One in-process topic: a ring buffer of its newest payloads, at most {@code maxEntries}.
 *
 * <p>Design: a single lock guards the ring and the offset counters, which is what makes offsets
 * dense under concurrent appenders: taking the next offset and storing the payload are one step.
 * The lock is held only for O(1) work on append and for copying at most {@code maxCount} references
 * on read; events are built (payloads copied) after it is released, and listeners never run under
 * it. The ring starts small and doubles up to {@code maxEntries}, so a quiet topic costs little;
 * once full, each append overwrites the oldest slot and advances {@code firstOffset}. Offset {@code
 * o} lives in slot {@code (o - 1) % slots.length}, re-laid out when the ring grows.
 *
 * <p>Followers (subscriptions on this topic) are woken after each append, outside the lock; they
 * read through {@link #read} like anyone else, so a follower that lags beyond the retention gets
 * {@link OffsetsTrimmed} from the same code path as a late reader.
 */
final class BoundedTopicLog {
  private static final int INITIAL_SLOTS = 16;

  private final String topic;
  private final int maxEntries;
  private final ReentrantLock lock = new ReentrantLock();
  private final Set<DeliveryLoop> followers = ConcurrentHashMap.newKeySet();
  private byte[][] slots;
  private long firstOffset = 1;
  private long lastOffset = 0;

  BoundedTopicLog(String topic, int maxEntries) {
    this.topic = topic;
    this.maxEntries = maxEntries;
    this.slots = new byte[Math.min(INITIAL_SLOTS, maxEntries)][];
  }

  /**
   * Stores {@code payload}, which the caller must not change afterwards, and returns its offset.
   */
  long append(byte[] payload) {
    long offset;
    lock.lock();
    try {
      offset = lastOffset + 1;
      if (lastOffset - firstOffset + 1 == slots.length) {
        if (slots.length < maxEntries) {
          grow();
        } else {
          firstOffset++;
        }
      }
      slots[slot(offset)] = payload;
      lastOffset = offset;
    } finally {
      lock.unlock();
    }
    for (DeliveryLoop follower : followers) {
      follower.wake();
    }
    return offset;
  }

  TopicRead read(long fromOffset, int maxCount) {
    List<byte[]> payloads;
    lock.lock();
    try {
      if (fromOffset < firstOffset) {
        return new OffsetsTrimmed(topic, fromOffset, firstOffset);
      }
      long count = Math.min(maxCount, lastOffset - fromOffset + 1);
      payloads = new ArrayList<>((int) Math.max(0, count));
      for (long offset = fromOffset; offset < fromOffset + count; offset++) {
        payloads.add(slots[slot(offset)]);
      }
    } finally {
      lock.unlock();
    }
    List<TopicEvent> events = new ArrayList<>(payloads.size());
    for (int i = 0; i < payloads.size(); i++) {
      events.add(new TopicEvent(topic, fromOffset + i, payloads.get(i)));
    }
    return new TopicBatch(events);
  }

  long latestOffset() {
    lock.lock();
    try {
      return lastOffset;
    } finally {
      lock.unlock();
    }
  }

  void addFollower(DeliveryLoop follower) {
    followers.add(follower);
  }

  void removeFollower(DeliveryLoop follower) {
    followers.remove(follower);
  }

  private int slot(long offset) {
    return (int) ((offset - 1) % slots.length);
  }

  private void grow() {
    byte[][] old = slots;
    slots = new byte[(int) Math.min((long) old.length * 2, maxEntries)][];
    for (long offset = firstOffset; offset <= lastOffset; offset++) {
      slots[slot(offset)] = old[(int) ((offset - 1) % old.length)];
    }
  }
}
