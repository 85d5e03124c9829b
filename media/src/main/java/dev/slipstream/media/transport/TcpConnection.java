package dev.slipstream.media.transport;

import dev.slipstream.media.ice.BindingOutcome;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted ICE-TCP connection: RFC 4571 frames in and out.
 *
 * <p>Design: a reader virtual thread blocks on the socket, reads one frame at a time and routes it;
 * a writer virtual thread drains a bounded queue of framed packets with gathering writes, so {@link
 * #enqueue} never blocks and a full queue drops whole frames (never a partial one, which would
 * break the framing for good). The connection belongs to no session until its first valid check;
 * until then only STUN is allowed on it. After that, STUN is answered only for the same session.
 * Closing is idempotent: it closes the socket, which ends a blocked read or write, and interrupts
 * the writer out of its queue wait.
 */
final class TcpConnection {
  private static final Logger log = LoggerFactory.getLogger(TcpConnection.class);
  private static final int MAX_BATCH = 64;

  private final TcpMuxServer mux;
  private final SocketChannel channel;
  private final InetSocketAddress remote;
  private final Instant openedAt;
  private final ArrayBlockingQueue<ByteBuffer> outbound;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile @Nullable MuxSession session;
  private @Nullable Thread writer;

  TcpConnection(
      TcpMuxServer mux,
      SocketChannel channel,
      InetSocketAddress remote,
      Instant openedAt,
      int queueFrames) {
    this.mux = mux;
    this.channel = channel;
    this.remote = remote;
    this.openedAt = openedAt;
    this.outbound = new ArrayBlockingQueue<>(queueFrames);
  }

  void start() {
    writer = Thread.ofVirtual().name("tcp-mux-write-" + remote).start(this::writeLoop);
    Thread.ofVirtual().name("tcp-mux-read-" + remote).start(this::readLoop);
  }

  InetSocketAddress remote() {
    return remote;
  }

  Instant openedAt() {
    return openedAt;
  }

  @Nullable MuxSession session() {
    return session;
  }

  /** Queues {@code packet[offset, offset + length)} as one frame; never blocks. */
  SendResult enqueue(byte[] packet, int offset, int length) {
    if (closed.get()) {
      mux.stats().drop(DropReason.SEND_CLOSED);
      return SendResult.DROPPED_CLOSED;
    }
    if (length > 0xFFFF) {
      mux.stats().drop(DropReason.SEND_FAILED);
      return SendResult.DROPPED_IO_ERROR;
    }
    ByteBuffer frame = ByteBuffer.allocate(2 + length);
    frame.putShort((short) length).put(packet, offset, length).flip();
    if (!outbound.offer(frame)) {
      mux.stats().drop(DropReason.SEND_BUFFER_FULL);
      return SendResult.DROPPED_BUFFER_FULL;
    }
    return SendResult.SENT;
  }

  void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      log.debug("closing the ICE-TCP connection from {} failed", remote, e);
    }
    Thread w = writer;
    if (w != null) {
      w.interrupt();
    }
    mux.connectionClosed(this);
  }

  private void readLoop() {
    try {
      DataInputStream in =
          new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 16_384));
      while (!closed.get()) {
        int length;
        try {
          length = in.readUnsignedShort();
        } catch (EOFException e) {
          return; // the peer closed between frames: a clean end
        }
        byte[] frame = new byte[length];
        try {
          in.readFully(frame);
        } catch (EOFException e) {
          mux.stats().drop(DropReason.TCP_BAD_FRAMING);
          return;
        }
        mux.stats().received(length);
        if (!route(frame)) {
          mux.stats().drop(DropReason.TCP_BAD_FRAMING);
          return;
        }
      }
    } catch (IOException e) {
      log.debug("reading the ICE-TCP connection from {} ended", remote, e);
    } catch (RuntimeException e) {
      mux.stats().drop(DropReason.RECEIVE_FAILED);
      log.error("the ICE-TCP connection from {} failed to handle a frame", remote, e);
    } finally {
      close();
    }
  }

  /** Routes one frame; returns false when the connection must close. */
  private boolean route(byte[] frame) {
    MuxSession bound = session;
    return switch (PacketKind.of(frame, frame.length)) {
      case STUN -> onStun(frame, bound);
      case DTLS -> {
        if (bound != null) {
          bound.deliverDtls(frame, frame.length, remote);
        }
        yield bound != null;
      }
      case RTP -> {
        if (bound != null) {
          bound.deliverRtp(frame, frame.length, remote);
        }
        yield bound != null;
      }
      case UNRECOGNISED -> false;
    };
  }

  private boolean onStun(byte[] frame, @Nullable MuxSession bound) {
    Function<String, @Nullable MuxSession> lookup =
        bound == null
            ? mux::sessionByUfrag
            : ufrag -> mux.sessionByUfrag(ufrag) == bound ? bound : null;
    switch (StunRouting.route(frame, frame.length, remote, lookup)) {
      case StunRouting.Unroutable u -> mux.stats().drop(u.reason());
      case StunRouting.Handled h -> {
        switch (h.outcome()) {
          case BindingOutcome.Accepted a -> {
            mux.stats().bindingAccepted();
            session = h.session();
            if (!h.session().validated(remote, a.useCandidate())) {
              close(); // the session closed meanwhile: this connection has no owner left
            }
            enqueue(a.response(), 0, a.response().length);
          }
          case BindingOutcome.Refused r -> {
            mux.stats().bindingRefused(r.reason());
            enqueue(r.response(), 0, r.response().length);
          }
          case BindingOutcome.Dropped d -> mux.stats().bindingRefused(d.reason());
        }
      }
    }
    return true;
  }

  private void writeLoop() {
    List<ByteBuffer> batch = new ArrayList<>(MAX_BATCH);
    try {
      while (!closed.get()) {
        batch.clear();
        batch.add(outbound.take());
        outbound.drainTo(batch, MAX_BATCH - 1);
        ByteBuffer[] buffers = batch.toArray(ByteBuffer[]::new);
        long remaining = 0;
        for (ByteBuffer b : buffers) {
          remaining += b.remaining();
        }
        while (remaining > 0) {
          remaining -= channel.write(buffers);
        }
        for (ByteBuffer b : buffers) {
          mux.stats().sent(b.limit() - 2);
        }
      }
    } catch (InterruptedException e) {
      // closing
    } catch (IOException e) {
      log.debug("writing to the ICE-TCP connection from {} ended", remote, e);
    } finally {
      close();
    }
  }
}
