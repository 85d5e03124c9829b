package dev.slipstream.bench.viewers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * The WHEP viewers of one load test: it ramps them up in batches (so their handshakes do not all
 * collide), spreads their sockets over a few {@link ReceiveLoop}s, collects their figures, and at
 * the end {@code DELETE}s every session.
 *
 * <p>Each joining viewer's HTTP exchange runs on its own virtual thread; from the answer on, the
 * viewer lives on its loop, apart from the DTLS handshake in {@link Handshakes}.
 */
final class ViewerFleet implements AutoCloseable {
  private static final int SOCKET_RECEIVE_BUFFER = 1 << 20;
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);
  private static final char[] ICE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

  private final LoadTarget target;
  private final LongSupplier nanoTime;
  private final List<ReceiveLoop> loops = new ArrayList<>();
  private final ClientCertificate certificate;
  private final WhepSignalling signalling;
  private final Handshakes handshakes;
  private final SplittableRandom random;
  private final List<ViewerPeer> viewers = new CopyOnWriteArrayList<>();
  private final Queue<ViewerFigures> unanswered = new ConcurrentLinkedQueue<>();
  private int launched;

  ViewerFleet(
      LoadTarget target,
      int receiveThreads,
      int handshakeConcurrency,
      long seed,
      InstantSource clock,
      LongSupplier nanoTime) {
    this.target = target;
    this.nanoTime = nanoTime;
    SecureRandom secure = new SecureRandom();
    this.certificate = ClientCertificate.generate(clock, secure);
    this.signalling = new WhepSignalling(target.baseUri());
    this.handshakes = new Handshakes(handshakeConcurrency, certificate, secure, nanoTime);
    this.random = new SplittableRandom(seed);
    for (int i = 0; i < receiveThreads; i++) {
      loops.add(new ReceiveLoop("viewer-receive-" + i, nanoTime));
    }
  }

  /**
   * Adds viewers until there are {@code total}, {@code perSecond} each second, then waits until
   * every one of them receives media or has failed (at most 30 s after the last joined).
   */
  void growTo(int total, int perSecond) throws InterruptedException {
    long start = nanoTime.getAsLong();
    for (int batch = 0; launched < total; batch++) {
      long due = start + batch * 1_000_000_000L;
      long wait = due - nanoTime.getAsLong();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int end = Math.min(total, launched + perSecond);
      for (; launched < end; launched++) {
        int index = launched;
        SplittableRandom own = random.split();
        Thread.ofVirtual().name("whep-join-" + index).start(() -> join(index, own));
      }
    }
    long deadline = nanoTime.getAsLong() + JOIN_TIMEOUT.toNanos();
    while (nanoTime.getAsLong() < deadline && !settled(total)) {
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  private boolean settled(int total) throws InterruptedException {
    List<ViewerFigures> all = figures();
    return all.size() >= total
        && all.stream()
            .allMatch(
                v ->
                    v.phase() == ViewerPeer.Phase.RECEIVING
                        || v.phase() == ViewerPeer.Phase.FAILED);
  }

  private void join(int index, SplittableRandom own) {
    String ufrag = iceChars(own, 8);
    String pwd = iceChars(own, 24);
    long posted = nanoTime.getAsLong();
    DatagramChannel channel = null;
    try {
      WhepSignalling.Answered answered =
          signalling.offer(
              target.streamId(), new WhepOffer(ufrag, pwd, certificate.fingerprint()).sdp());
      WhepAnswer answer = WhepAnswer.parse(answered.sdp());
      channel = DatagramChannel.open(StandardProtocolFamily.INET);
      channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_RECEIVE_BUFFER);
      channel.bind(new InetSocketAddress(0));
      channel.connect(answer.candidate());
      channel.configureBlocking(false);
      ReceiveLoop loop = loops.get(index % loops.size());
      ViewerPeer peer =
          new ViewerPeer(
              index,
              answered.session(),
              channel,
              answer,
              ufrag,
              own,
              posted,
              p -> handshakes.start(p, loop));
      viewers.add(peer);
      loop.add(peer);
    } catch (IOException | RuntimeException e) {
      unanswered.add(ViewerFigures.unanswered(index, "WHEP: " + e.getMessage()));
      closeQuietly(channel);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(channel);
    }
  }

  /** Returns every viewer's figures, including one line per viewer whose offer failed. */
  List<ViewerFigures> figures() throws InterruptedException {
    List<ViewerFigures> all = new ArrayList<>();
    for (ReceiveLoop loop : loops) {
      try {
        all.addAll(loop.figures().get(10, TimeUnit.SECONDS));
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("a receive loop did not answer", e);
      }
    }
    all.addAll(unanswered);
    return all;
  }

  /** Returns the CPU time the receive loops have used, in nanoseconds. */
  long receiveCpuNanos() {
    return loops.stream().mapToLong(ReceiveLoop::cpuNanos).sum();
  }

  /** Ends every WHEP session (32 at a time), then stops the loops and closes the sockets. */
  @Override
  public void close() {
    Semaphore inFlight = new Semaphore(32);
    List<Thread> deletes = new ArrayList<>();
    for (ViewerPeer peer : viewers) {
      deletes.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      inFlight.acquire();
                      try {
                        signalling.delete(peer.session());
                      } finally {
                        inFlight.release();
                      }
                    } catch (IOException e) {
                      System.err.println("bench viewers: " + e.getMessage());
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    for (Thread t : deletes) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    loops.forEach(ReceiveLoop::close);
    signalling.close();
  }

  private static String iceChars(SplittableRandom random, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ICE_CHARS[random.nextInt(ICE_CHARS.length)];
    }
    return new String(chars);
  }

  private static void closeQuietly(DatagramChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing more to do.
      }
    }
  }
}
