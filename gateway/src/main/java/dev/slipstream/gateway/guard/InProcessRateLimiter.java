package dev.slipstream.gateway.guard;

import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Token buckets in a map of this process. Each bucket is updated under its own lock (the map's
 * {@code compute}), so two requests of one client never both take the last token. Buckets that have
 * filled up again carry no information, so once the map holds {@value #SWEEP_AT} of them the full
 * ones are dropped: a flood of fresh addresses cannot grow the map without bound.
 */
final class InProcessRateLimiter implements RateLimiter {
  private static final int SWEEP_AT = 100_000;

  private final InstantSource clock;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  InProcessRateLimiter(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public RateDecision tryTake(String key, RateLimit limit) {
    long now = micros();
    if (buckets.size() >= SWEEP_AT) {
      buckets.values().removeIf(b -> b.fullAt(now, limit));
    }
    RateDecision[] answer = new RateDecision[1];
    buckets.compute(
        key,
        (k, bucket) -> {
          Bucket current =
              bucket == null ? new Bucket(limit.burst(), now) : bucket.refill(now, limit);
          if (current.tokens >= 1) {
            answer[0] = RateDecision.ALLOWED;
            return new Bucket(current.tokens - 1, now);
          }
          long waitMicros = (long) Math.ceil((1 - current.tokens) * 1_000_000 / limit.perSecond());
          answer[0] = new RateDecision(false, Math.max(1, waitMicros / 1_000));
          return current;
        });
    return answer[0];
  }

  @Override
  public String description() {
    return "in-process rate limits (this node only)";
  }

  private long micros() {
    var instant = clock.instant();
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }

  private record Bucket(double tokens, long atMicros) {
    Bucket refill(long now, RateLimit limit) {
      double added = Math.max(0, now - atMicros) * limit.perSecond() / 1e6;
      return new Bucket(Math.min(limit.burst(), tokens + added), now);
    }

    boolean fullAt(long now, RateLimit limit) {
      return refill(now, limit).tokens >= limit.burst();
    }
  }
}
