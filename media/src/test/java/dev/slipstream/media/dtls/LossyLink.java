package dev.slipstream.media.dtls;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * One direction of an in-memory network between two of our {@link DtlsSession}s: what one sends
 * goes into the other's {@link DtlsSession#receive}, except the datagrams whose 1-based number
 * {@code lose} picks (and all of them while no receiver is connected). Keeps every datagram sent,
 * lost ones included, for inspection.
 */
final class LossyLink implements Consumer<byte[]> {
  private final IntPredicate lose;
  private final AtomicInteger count = new AtomicInteger();
  private final AtomicInteger lost = new AtomicInteger();
  private final List<byte[]> sent = new ArrayList<>();
  private volatile DtlsSession to;

  LossyLink(IntPredicate lose) {
    this.lose = lose;
  }

  static LossyLink lossless() {
    return new LossyLink(n -> false);
  }

  void connect(DtlsSession receiver) {
    this.to = receiver;
  }

  @Override
  public void accept(byte[] datagram) {
    synchronized (sent) {
      sent.add(datagram.clone());
    }
    DtlsSession receiver = to;
    if (lose.test(count.incrementAndGet()) || receiver == null) {
      lost.incrementAndGet();
    } else {
      receiver.receive(datagram, 0, datagram.length);
    }
  }

  int lost() {
    return lost.get();
  }

  List<byte[]> sent() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }
}
