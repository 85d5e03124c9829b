package dev.slipstream.media.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bouncycastle.tls.DatagramTransport;

/**
 * The datagram transport BouncyCastle reads and writes, fed by the caller instead of a socket.
 * Datagrams the UDP layer pushes in wait in a bounded queue for the session's thread; what BC sends
 * goes straight to the caller's send function.
 *
 * <p>To wake a thread blocked in {@link #receive} when the session is closed, {@link
 * #stopReceiving()} sets a flag and queues a sentinel; the receive then throws {@link
 * InterruptedIOException}, which BC passes up without treating it as a protocol error.
 */
final class QueuedDatagramTransport implements DatagramTransport {
  private static final byte[] WAKE_UP = new byte[0];

  private final BlockingQueue<byte[]> inbound;
  private final Consumer<byte[]> sendToPeer;
  private final Runnable onDrop;
  private final int sendLimit;
  private final int receiveLimit;
  private volatile boolean receiving = true;
  private volatile boolean sending = true;

  QueuedDatagramTransport(DtlsSettings settings, Consumer<byte[]> sendToPeer, Runnable onDrop) {
    this.inbound = new ArrayBlockingQueue<>(settings.inboundQueueCapacity() + 1);
    this.sendToPeer = sendToPeer;
    this.onDrop = onDrop;
    this.sendLimit = settings.maxDatagramSize();
    this.receiveLimit = Math.max(2048, settings.maxDatagramSize());
  }

  /** Queues a copy of a datagram from the peer; drops it when full or stopped. */
  void offer(byte[] datagram, int offset, int length) {
    if (!receiving) {
      return;
    }
    // The queue has one slot more than configured, kept free for the wake-up sentinel.
    if (inbound.remainingCapacity() <= 1
        || !inbound.offer(Arrays.copyOfRange(datagram, offset, offset + length))) {
      onDrop.run();
    }
  }

  /** Makes the current and every later {@link #receive} throw, so the session thread stops. */
  void stopReceiving() {
    receiving = false;
    inbound.offer(WAKE_UP);
  }

  @Override
  public int getReceiveLimit() {
    return receiveLimit;
  }

  @Override
  public int getSendLimit() {
    return sendLimit;
  }

  @Override
  public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
    if (!receiving) {
      throw new InterruptedIOException("DTLS session closed");
    }
    byte[] datagram;
    try {
      // Socket semantics, which BouncyCastle follows: zero means wait without limit.
      datagram = waitMillis == 0 ? inbound.take() : inbound.poll(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a DTLS datagram");
    }
    if (datagram == null) {
      return -1;
    }
    if (datagram == WAKE_UP || !receiving) {
      throw new InterruptedIOException("DTLS session closed");
    }
    int copied = Math.min(len, datagram.length);
    System.arraycopy(datagram, 0, buf, off, copied);
    return copied;
  }

  @Override
  public void send(byte[] buf, int off, int len) throws IOException {
    if (!sending) {
      return;
    }
    try {
      sendToPeer.accept(Arrays.copyOfRange(buf, off, off + len));
    } catch (RuntimeException e) {
      throw new IOException("sending a DTLS datagram failed", e);
    }
  }

  /** Called by BouncyCastle once the DTLS connection is over: nothing more goes out. */
  @Override
  public void close() {
    sending = false;
    stopReceiving();
  }
}
