package dev.slipstream.gateway.live;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The feeds of one topic whose sockets fall in one {@link FanoutShards} shard, signalled together
 * on that shard's thread.
 *
 * <p>Signals are coalesced: while a pass is queued and not yet started, further events only mark it
 * as wanted ({@link #queued}), and the pass signals every feed once; each feed pulls everything up
 * to the topic's head, so events that arrived meanwhile are sent in the same pass. The flag is
 * cleared before the pass reads any feed, so an event stored after that queues a new pass and none
 * is left unsent.
 */
final class FeedShard {
  private final FanoutShards shards;
  private final int shard;
  private final Set<Feed> feeds = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean queued = new AtomicBoolean();

  FeedShard(FanoutShards shards, int shard) {
    this.shards = shards;
    this.shard = shard;
  }

  void add(Feed feed) {
    feeds.add(feed);
  }

  void remove(Feed feed) {
    feeds.remove(feed);
  }

  boolean isEmpty() {
    return feeds.isEmpty();
  }

  /** Queues a pass over the feeds on the shard's thread unless one is queued already. */
  void signal() {
    if (!feeds.isEmpty() && queued.compareAndSet(false, true)) {
      shards.run(shard, this::pass);
    }
  }

  private void pass() {
    queued.set(false);
    for (Feed feed : feeds) {
      feed.signal();
    }
  }
}
