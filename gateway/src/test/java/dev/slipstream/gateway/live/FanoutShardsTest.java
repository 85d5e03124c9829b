package dev.slipstream.gateway.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Sockets keep their shard, spread over all shards, and a shard runs its tasks in order. */
class FanoutShardsTest {

  @Test
  void aSocketAlwaysFallsInTheSameShardAndSocketsSpreadOverEveryShard() {
    try (FanoutShards shards = new FanoutShards(4)) {
      int[] perShard = new int[4];
      for (int i = 0; i < 4_000; i++) {
        Outbox outbox = new Outbox(new RecordingSink(), WireFormat.PROTOBUF, 8);
        int shard = shards.shardOf(outbox);
        assertThat(shards.shardOf(outbox)).isEqualTo(shard);
        perShard[shard]++;
      }
      for (int count : perShard) {
        assertThat(count).isBetween(700, 1_300);
      }
    }
  }

  @Test
  void aShardRunsItsTasksInOrderOnItsOwnThread() throws Exception {
    try (FanoutShards shards = new FanoutShards(2)) {
      List<Integer> ran = new ArrayList<>();
      Set<String> threads = new HashSet<>();
      CountDownLatch done = new CountDownLatch(1);
      for (int i = 0; i < 1_000; i++) {
        int task = i;
        shards.run(
            1,
            () -> {
              ran.add(task);
              threads.add(Thread.currentThread().getName());
              if (task == 999) {
                done.countDown();
              }
            });
      }
      assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(ran).hasSize(1_000).isSorted();
      assertThat(threads).containsExactly("slipstream-fanout-1");
    }
  }

  @Test
  void thereIsAtLeastOneShard() {
    assertThatThrownBy(() -> new FanoutShards(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fan-out shards must be at least 1 (was 0)");
  }
}
