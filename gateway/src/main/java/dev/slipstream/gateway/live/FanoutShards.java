package dev.slipstream.gateway.live;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads that write a gateway's fan-out frames to its sockets: one platform thread per shard,
 * a socket always in the same shard ({@link #shardOf}), so one socket's frames come from one thread
 * and the sockets of a busy topic are written by every shard at once rather than by the bus thread
 * alone.
 *
 * <p>Platform threads rather than virtual ones: the work is all non-blocking writes, and a virtual
 * thread would compete for the same few carrier threads as the server's own connection handling.
 */
final class FanoutShards implements AutoCloseable {
  private final ExecutorService[] shards;

  /** Starts {@code count} shard threads. */
  FanoutShards(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("fan-out shards must be at least 1 (was " + count + ")");
    }
    shards = new ExecutorService[count];
    for (int i = 0; i < count; i++) {
      shards[i] =
          Executors.newSingleThreadExecutor(
              Thread.ofPlatform().daemon().name("slipstream-fanout-" + i).factory());
    }
  }

  /** One shard per available processor. */
  static FanoutShards perProcessor() {
    return new FanoutShards(Runtime.getRuntime().availableProcessors());
  }

  int count() {
    return shards.length;
  }

  /** The shard that writes to the socket behind {@code outbox}; the same one every time. */
  int shardOf(Outbox outbox) {
    return Math.floorMod(mix(System.identityHashCode(outbox)), shards.length);
  }

  /** Runs {@code task} on shard {@code shard}'s thread, after the tasks handed to it before. */
  void run(int shard, Runnable task) {
    shards[shard].execute(task);
  }

  private static int mix(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** Stops the threads once the tasks handed over so far are done. */
  @Override
  public void close() {
    for (ExecutorService shard : shards) {
      shard.shutdown();
    }
  }
}
