package dev.slipstream.bench.fanout;

import dev.slipstream.wire.v1.ClientMessage;
import dev.slipstream.wire.v1.Subscribe;
import dev.slipstream.wire.v1.Topic;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * The subscribers, in a process of their own (so each side of 10,000 sockets has its own file
 * limit): {@code ws <port> <count> <streamId> <updates> <warmup>} opens WebSockets to the gateway
 * and subscribes each to the stream's markets; {@code tcp ...} opens plain TCP connections to the
 * baseline server. Two NIO threads (one per core here) read them. Prints {@code ready} once every
 * subscriber is in place, then one {@code result ...} line when every one has all updates (or
 * nothing arrived for 5 s).
 */
public final class FanoutClients {
  private static final int READERS = 2;

  private FanoutClients() {}

  /** Runs the subscribers. */
  public static void main(String[] args) throws Exception {
    boolean ws = args[0].equals("ws");
    int port = Integer.parseInt(args[1]);
    int count = Integer.parseInt(args[2]);
    String streamId = args[3];
    long updates = Long.parseLong(args[4]);
    int warmup = Integer.parseInt(args[5]);

    List<SocketChannel> channels = new ArrayList<>(count);
    List<ByteBuffer> leftovers = new ArrayList<>(count);
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<Object[]>> opened = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        opened.add(pool.submit(() -> open(ws, port, streamId)));
      }
      for (Future<Object[]> each : opened) {
        Object[] pair = each.get();
        channels.add((SocketChannel) pair[0]);
        leftovers.add((ByteBuffer) pair[1]);
      }
    }
    Clock clock = Clock.systemUTC();
    List<Reception> receptions = new ArrayList<>(count);
    List<Histogram> histograms = new ArrayList<>();
    List<Selector> selectors = new ArrayList<>();
    for (int r = 0; r < READERS; r++) {
      histograms.add(new Histogram(60_000_000L, 3));
      selectors.add(Selector.open());
    }
    for (int i = 0; i < count; i++) {
      Reception reception = new Reception(clock, histograms.get(i % READERS), warmup);
      receptions.add(reception);
      SocketChannel channel = channels.get(i);
      channel.configureBlocking(false);
      channel.register(
          selectors.get(i % READERS),
          SelectionKey.OP_READ,
          new Object[] {reception, leftovers.get(i)});
    }
    AtomicInteger subscribed = new AtomicInteger(ws ? 0 : count);
    AtomicInteger complete = new AtomicInteger();
    List<Thread> readers = new ArrayList<>();
    for (Selector selector : selectors) {
      readers.add(
          Thread.ofPlatform()
              .name("fanout-reader")
              .start(() -> read(selector, updates, count, subscribed, complete)));
    }
    if (!ws) {
      System.out.println("ready");
    } else {
      while (subscribed.get() < count) {
        Thread.sleep(10);
      }
      System.out.println("ready");
    }
    for (Thread reader : readers) {
      reader.join();
    }
    Histogram latency = new Histogram(60_000_000L, 3);
    histograms.forEach(latency::add);
    long received = 0;
    long gaps = 0;
    long reordered = 0;
    long resyncs = 0;
    for (Reception reception : receptions) {
      received += reception.received;
      gaps += reception.gaps + Math.max(0, updates - reception.lastSequence);
      reordered += reception.reordered;
      resyncs += reception.resyncs;
    }
    System.out.printf(
        "result received=%d missed=%d reordered=%d resyncs=%d p50_us=%d p99_us=%d max_us=%d%n",
        received,
        gaps,
        reordered,
        resyncs,
        latency.getValueAtPercentile(50),
        latency.getValueAtPercentile(99),
        latency.getMaxValue());
    for (SocketChannel channel : channels) {
      channel.close();
    }
  }

  private static void read(
      Selector selector,
      long updates,
      int count,
      AtomicInteger subscribed,
      AtomicInteger complete) {
    long lastProgress = System.nanoTime();
    try {
      while (complete.get() < count && System.nanoTime() - lastProgress < 5_000_000_000L) {
        selector.select(100);
        for (SelectionKey key : selector.selectedKeys()) {
          Object[] state = (Object[]) key.attachment();
          Reception reception = (Reception) state[0];
          ByteBuffer buffer = (ByteBuffer) state[1];
          int read = ((SocketChannel) key.channel()).read(buffer);
          if (read < 0) {
            key.cancel();
            continue;
          }
          lastProgress = System.nanoTime();
          buffer.flip();
          boolean wasDone = reception.lastSequence >= updates;
          WsFrames.drain(
              buffer,
              message -> {
                if (message.hasSubscribed() && reception.received == 0) {
                  subscribed.incrementAndGet();
                }
                reception.accept(message);
              });
          if (!wasDone && reception.lastSequence >= updates) {
            complete.incrementAndGet();
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Object[] open(boolean ws, int port, String streamId) throws IOException {
    SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
    channel.socket().setTcpNoDelay(true);
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    if (ws) {
      String request =
          "GET /api/live HTTP/1.1\r\nHost: 127.0.0.1:"
              + port
              + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
      channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
      int headerEnd = -1;
      while (headerEnd < 0) {
        if (channel.read(buffer) < 0) {
          throw new IOException("the gateway closed the upgrade");
        }
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
        headerEnd = text.indexOf("\r\n\r\n");
        if (headerEnd >= 0 && !text.startsWith("HTTP/1.1 101")) {
          throw new IOException("upgrade refused: " + text.lines().findFirst().orElse(""));
        }
      }
      buffer.flip();
      buffer.position(headerEnd + 4);
      buffer.compact();
      ClientMessage subscribe =
          ClientMessage.newBuilder()
              .setRequestId("s")
              .setSubscribe(
                  Subscribe.newBuilder()
                      .setSubscriptionId("m")
                      .setTopic(Topic.TOPIC_STREAM_MARKETS)
                      .setResourceId(streamId))
              .build();
      channel.write(ByteBuffer.wrap(WsFrames.clientFrame(subscribe.toByteArray())));
    }
    return new Object[] {channel, buffer};
  }
}
