package dev.slipstream.bench.viewers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * One platform thread that receives for many viewers: each viewer's connected, non-blocking UDP
 * socket is registered on this loop's {@link Selector}; ready sockets are drained into one reused
 * array and handed to their viewer, which decrypts in place. Every 10 ms the loop lets each viewer
 * retransmit, check consent and report. Other threads never touch a viewer directly: they {@link
 * #execute} a task on the loop, so each viewer's state has one owner and the hot path allocates
 * nothing per packet beyond what SRTP does.
 */
final class ReceiveLoop implements AutoCloseable {
  private static final long TICK_NANOS = 10_000_000L;
  private static final int BURST = 64;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Selector selector;
  private final LongSupplier nanoTime;
  private final Thread thread;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final List<ViewerPeer> peers = new ArrayList<>();
  private final byte[] buffer = new byte[4_096];
  private final ByteBuffer wrapped = ByteBuffer.wrap(buffer);
  private volatile boolean running = true;
  private long nextTick;

  ReceiveLoop(String name, LongSupplier nanoTime) {
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector", e);
    }
    this.nanoTime = nanoTime;
    this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
    thread.start();
  }

  /** Runs {@code task} on the loop thread, soon. */
  void execute(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  /** Registers the viewer's socket on this loop and sends its first check. */
  void add(ViewerPeer peer) {
    execute(
        () -> {
          try {
            peer.channel().register(selector, SelectionKey.OP_READ, peer);
            peers.add(peer);
            peer.start(nanoTime.getAsLong());
          } catch (IOException e) {
            peer.fail("socket: " + e.getMessage());
          }
        });
  }

  /** Returns every viewer's figures, read on the loop thread. */
  CompletableFuture<List<ViewerFigures>> figures() {
    CompletableFuture<List<ViewerFigures>> result = new CompletableFuture<>();
    execute(
        () -> {
          long now = nanoTime.getAsLong();
          result.complete(peers.stream().map(p -> p.figures(now)).toList());
        });
    return result;
  }

  /** Returns the CPU time this loop's thread has used, in nanoseconds. */
  long cpuNanos() {
    long cpu = THREADS.getThreadCpuTime(thread.threadId());
    return Math.max(0, cpu);
  }

  private void run() {
    while (running) {
      try {
        selector.select(1 + TICK_NANOS / 1_000_000L);
      } catch (IOException e) {
        break;
      }
      long now = nanoTime.getAsLong();
      for (SelectionKey key : selector.selectedKeys()) {
        drain(key, now);
      }
      selector.selectedKeys().clear();
      for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
        task.run();
      }
      if (now >= nextTick) {
        nextTick = now + TICK_NANOS;
        for (ViewerPeer peer : peers) {
          peer.tick(now);
        }
      }
    }
  }

  private void drain(SelectionKey key, long now) {
    ViewerPeer peer = (ViewerPeer) key.attachment();
    DatagramChannel channel = (DatagramChannel) key.channel();
    for (int i = 0; i < BURST; i++) {
      wrapped.clear();
      int n;
      try {
        n = channel.read(wrapped);
      } catch (IOException e) {
        // e.g. ICMP port unreachable: the server's socket is gone.
        peer.fail("socket: " + e);
        key.cancel();
        return;
      }
      if (n <= 0) {
        return;
      }
      peer.onDatagram(buffer, n, now);
    }
  }

  /** Stops the thread and closes every viewer's socket. */
  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (ViewerPeer peer : peers) {
      try {
        peer.channel().close();
      } catch (IOException e) {
        // Closing is best effort.
      }
    }
    try {
      selector.close();
    } catch (IOException e) {
      // Closing is best effort.
    }
  }
}
