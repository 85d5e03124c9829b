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
 * An in-memory network between one of our {@link DtlsSession}s and a test peer running
 * BouncyCastle's blocking protocol (a browser's client, FFmpeg's server): the session's datagrams
 * queue for the peer; the peer's go straight into {@link DtlsSession#receive}. Each direction loses
 * the datagrams whose 1-based number its predicate picks.
 */
final class DatagramPipe {
  private final BlockingQueue<byte[]> toPeer = new LinkedBlockingQueue<>();
  private final IntPredicate loseToPeer;
  private final IntPredicate loseToSession;
  private final AtomicInteger sentToPeer = new AtomicInteger();
  private final AtomicInteger sentToSession = new AtomicInteger();
  private final AtomicInteger lost = new AtomicInteger();
  private volatile DtlsSession session;

  DatagramPipe(IntPredicate loseToPeer, IntPredicate loseToSession) {
    this.loseToPeer = loseToPeer;
    this.loseToSession = loseToSession;
  }

  static DatagramPipe lossless() {
    return new DatagramPipe(n -> false, n -> false);
  }

  /** The function our session sends with. */
  Consumer<byte[]> sessionSends() {
    return datagram -> {
      if (loseToPeer.test(sentToPeer.incrementAndGet())) {
        lost.incrementAndGet();
      } else {
        toPeer.add(datagram);
      }
    };
  }

  void connect(DtlsSession session) {
    this.session = session;
  }

  int lost() {
    return lost.get();
  }

  /** Returns how many datagrams our session has sent, lost ones included. */
  int sentBySession() {
    return sentToPeer.get();
  }

  DatagramTransport peerTransport() {
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
              toPeer.poll(waitMillis == 0 ? Long.MAX_VALUE : waitMillis, TimeUnit.MILLISECONDS);
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
        if (loseToSession.test(sentToSession.incrementAndGet())) {
          lost.incrementAndGet();
        } else {
          session.receive(buf, off, len);
        }
      }

      @Override
      public void close() {}
    };
  }
}
