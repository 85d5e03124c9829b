package dev.slipstream.platform.state;

import dev.slipstream.platform.Health;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state store of a single JVM: a {@link ConcurrentHashMap} of entries with an expiry time read
 * from an injected {@link InstantSource}.
 *
 * <p>Design: every operation that reads and then writes one key runs inside {@code
 * ConcurrentHashMap.compute}, which locks only that key's bin, so compare-and-set, put-if-absent
 * and increments are atomic without a global lock. Expiry is lazy: an entry past its time is
 * treated as absent by every read and removed with a conditional {@code remove(key, entry)}, which
 * cannot remove a newer value written in between. Keys that are never read again are removed by a
 * sweep that runs after as many writes as there are entries, so sweeping costs O(1) per write on
 * average and the map holds at most about twice its live entries.
 *
 * <p>Time comes only from the injected clock, so tests move it by hand.
 */
final class InProcessStateStore implements StateStore {
  private static final long NEVER = Long.MAX_VALUE;
  private static final int MIN_WRITES_BETWEEN_SWEEPS = 1024;

  private record Entry(byte[] value, long expiresAtMillis) {
    boolean isLive(long nowMillis) {
      return nowMillis < expiresAtMillis;
    }
  }

  private final InstantSource clock;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong writesSinceSweep = new AtomicLong();

  InProcessStateStore(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public Optional<byte[]> get(String key) {
    StateKeys.requireKey(key);
    return live(key).map(entry -> entry.value().clone());
  }

  @Override
  public void put(String key, byte[] value, Expiry expiry) {
    StateKeys.requireKey(key);
    byte[] copy = StateKeys.requireValue("value", value).clone();
    StateKeys.requireExpiry(expiry);
    entries.put(key, new Entry(copy, expiresAt(expiry, clock.millis())));
    afterWrite();
  }

  @Override
  public boolean putIfAbsent(String key, byte[] value, Expiry expiry) {
    StateKeys.requireKey(key);
    byte[] copy = StateKeys.requireValue("value", value).clone();
    StateKeys.requireExpiry(expiry);
    long now = clock.millis();
    boolean[] stored = {false};
    entries.compute(
        key,
        (k, old) -> {
          if (old != null && old.isLive(now)) {
            return old;
          }
          stored[0] = true;
          return new Entry(copy, expiresAt(expiry, now));
        });
    afterWrite();
    return stored[0];
  }

  @Override
  public boolean compareAndSet(String key, byte[] expected, byte[] replacement, Expiry expiry) {
    StateKeys.requireKey(key);
    StateKeys.requireValue("expected", expected);
    byte[] copy = StateKeys.requireValue("replacement", replacement).clone();
    StateKeys.requireExpiry(expiry);
    long now = clock.millis();
    boolean[] swapped = {false};
    entries.compute(
        key,
        (k, old) -> {
          if (old == null || !old.isLive(now)) {
            return null;
          }
          if (!Arrays.equals(old.value(), expected)) {
            return old;
          }
          swapped[0] = true;
          return new Entry(copy, expiresAt(expiry, now));
        });
    afterWrite();
    return swapped[0];
  }

  @Override
  public boolean delete(String key) {
    StateKeys.requireKey(key);
    Entry old = entries.remove(key);
    return old != null && old.isLive(clock.millis());
  }

  @Override
  public long incrementBy(String key, long delta, Expiry expiry) {
    StateKeys.requireKey(key);
    StateKeys.requireExpiry(expiry);
    long now = clock.millis();
    long[] result = {0};
    entries.compute(
        key,
        (k, old) -> {
          boolean live = old != null && old.isLive(now);
          long current = live ? StateKeys.decodeCounter(key, old.value()) : 0;
          try {
            result[0] = Math.addExact(current, delta);
          } catch (ArithmeticException e) {
            throw new IllegalStateException(
                "counter " + key + " would overflow: " + current + " + " + delta, e);
          }
          long expiresAt =
              live && old.expiresAtMillis() != NEVER
                  ? old.expiresAtMillis()
                  : expiresAt(expiry, now);
          return new Entry(StateKeys.encodeCounter(result[0]), expiresAt);
        });
    afterWrite();
    return result[0];
  }

  @Override
  public long getCounter(String key) {
    StateKeys.requireKey(key);
    return live(key).map(entry -> StateKeys.decodeCounter(key, entry.value())).orElse(0L);
  }

  @Override
  public Health health() {
    return Health.up("in-process state store holding " + entries.size() + " keys");
  }

  private Optional<Entry> live(String key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!entry.isLive(clock.millis())) {
      entries.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry);
  }

  private static long expiresAt(Expiry expiry, long nowMillis) {
    return switch (expiry) {
      case Expiry.Never never -> NEVER;
      case Expiry.After after -> nowMillis + after.millis();
    };
  }

  private void afterWrite() {
    if (writesSinceSweep.incrementAndGet() < Math.max(MIN_WRITES_BETWEEN_SWEEPS, entries.size())) {
      return;
    }
    writesSinceSweep.set(0);
    long now = clock.millis();
    entries.values().removeIf(entry -> !entry.isLive(now));
  }
}
