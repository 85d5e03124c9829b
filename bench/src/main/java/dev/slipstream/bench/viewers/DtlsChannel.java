package dev.slipstream.bench.viewers;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;

/**
 * BouncyCastle's view of a viewer's socket during the DTLS handshake. The receive loop owns the
 * socket and {@link #offer offers} each DTLS record here; the handshake thread blocks in {@link
 * #receive} on that queue and writes straight to the connected channel, which allows one writer
 * beside the loop's reader.
 */
final class DtlsChannel implements DatagramTransport {
  private static final int QUEUE = 64;
  private static final int RECEIVE_LIMIT = 2_048;
  private static final int SEND_LIMIT = 1_200;

  private final DatagramChannel channel;
  private final BlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(QUEUE);

  DtlsChannel(DatagramChannel channel) {
    this.channel = channel;
  }

  /** Hands over a received DTLS datagram; a full queue drops it (DTLS retransmits). */
  void offer(byte[] data, int length) {
    inbound.offer(Arrays.copyOf(data, length));
  }

  @Override
  public int getReceiveLimit() {
    return RECEIVE_LIMIT;
  }

  @Override
  public int getSendLimit() {
    return SEND_LIMIT;
  }

  @Override
  public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
    byte[] datagram;
    try {
      datagram = inbound.poll(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("DTLS receive interrupted");
    }
    if (datagram == null) {
      return -1;
    }
    int n = Math.min(len, datagram.length);
    System.arraycopy(datagram, 0, buf, off, n);
    return n;
  }

  @Override
  public void send(byte[] buf, int off, int len) throws IOException {
    // A full socket buffer returns 0: the record is lost and DTLS retransmits it.
    channel.write(ByteBuffer.wrap(buf, off, len));
  }

  @Override
  public void close() {
    inbound.clear();
  }
}
