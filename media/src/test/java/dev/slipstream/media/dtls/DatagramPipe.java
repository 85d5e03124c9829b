package dev.slipstream.media.dtls;

import java.io.InterruptedIOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.bouncycastle.tls.DatagramTransport;

/**
 * An in-memory network between a test DTLS client and a {@link DtlsServerSession}: the server's
 * datagrams queue for the client; the client's go straight into {@link DtlsServerSession#receive}.
 * Each direction loses the datagrams whose 1-based number its predicate picks.
 */
final class DatagramPipe {
  private final BlockingQueue<byte[]> toClient = new LinkedBlockingQueue<>();
  private final IntPredicate loseToClient;
  private final IntPredicate loseToServer;
  private final AtomicInteger sentToClient = new AtomicInteger();
  private final AtomicInteger sentToServer = new AtomicInteger();
  private final AtomicInteger lost = new AtomicInteger();
  private volatile DtlsServerSession server;

  DatagramPipe(IntPredicate loseToClient, IntPredicate loseToServer) {
    this.loseToClient = loseToClient;
    this.loseToServer = loseToServer;
  }

  static DatagramPipe lossless() {
    return new DatagramPipe(n -> false, n -> false);
  }

  /** The function the server session sends with. */
  Consumer<byte[]> serverSends() {
    return datagram -> {
      if (loseToClient.test(sentToClient.incrementAndGet())) {
        lost.incrementAndGet();
      } else {
        toClient.add(datagram);
      }
    };
  }

  void connect(DtlsServerSession session) {
    this.server = session;
  }

  int lost() {
    return lost.get();
  }

  DatagramTransport clientTransport() {
    return new DatagramTransport() {
      @Override
      public int getReceiveLimit() {
        return 1500;
      }

      @Override
      public int getSendLimit() {
        return 1200;
      }

      @Override
      public int receive(byte[] buf, int off, int len, int waitMillis)
          throws InterruptedIOException {
        try {
          byte[] d =
              toClient.poll(waitMillis == 0 ? Long.MAX_VALUE : waitMillis, TimeUnit.MILLISECONDS);
          if (d == null) {
            return -1;
          }
          int n = Math.min(len, d.length);
          System.arraycopy(d, 0, buf, off, n);
          return n;
        } catch (InterruptedException e) {
          throw new InterruptedIOException();
        }
      }

      @Override
      public void send(byte[] buf, int off, int len) {
        if (loseToServer.test(sentToServer.incrementAndGet())) {
          lost.incrementAndGet();
        } else {
          server.receive(buf, off, len);
        }
      }

      @Override
      public void close() {}
    };
  }
}
