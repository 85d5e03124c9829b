package dev.slipstream.media.ingest;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays SRT datagrams between the public port and FFmpeg's loopback listener, one caller at a
 * time, reading the caller's stream id from its conclusion handshake on the way.
 *
 * <p>A caller is taken on by its first handshake packet while nobody is connected, and gets its own
 * loopback socket towards FFmpeg, so FFmpeg sees each caller as a new peer. Datagrams from other
 * addresses are dropped until {@link #endSession()}: FFmpeg serves one caller per listen, and SRT
 * callers retry their handshake. One selector thread does all socket work; the listener thread only
 * reads the stream id and asks for a reset.
 */
final class SrtRelay implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SrtRelay.class);

  private final DatagramChannel outside;
  private final Selector selector;
  private final InetSocketAddress ffmpeg;
  private final Thread thread;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
  private final byte[] bytes = new byte[2048];
  private volatile boolean closed;
  private volatile boolean resetRequested;
  private volatile @Nullable String streamId;
  private @Nullable SocketAddress caller;
  private @Nullable DatagramChannel inside;

  private SrtRelay(DatagramChannel outside, Selector selector, InetSocketAddress ffmpeg) {
    this.outside = outside;
    this.selector = selector;
    this.ffmpeg = ffmpeg;
    this.thread = new Thread(this::run, "srt-relay-" + ffmpeg.getPort());
    thread.setDaemon(true);
  }

  /** Binds the public address and picks a free loopback port for FFmpeg. */
  static SrtRelay open(InetSocketAddress publicAddress) throws IOException {
    int innerPort;
    try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      innerPort = probe.getLocalPort();
    }
    DatagramChannel outside = DatagramChannel.open().bind(publicAddress);
    outside.configureBlocking(false);
    Selector selector = Selector.open();
    outside.register(selector, SelectionKey.OP_READ);
    SrtRelay relay =
        new SrtRelay(
            outside, selector, new InetSocketAddress(InetAddress.getLoopbackAddress(), innerPort));
    relay.thread.start();
    return relay;
  }

  int innerPort() {
    return ffmpeg.getPort();
  }

  /** Returns the stream id of the caller being served, once its handshake carried one. */
  Optional<String> streamId() {
    return Optional.ofNullable(streamId);
  }

  /** Drops the current caller so the next one can connect. */
  void endSession() {
    resetRequested = true;
    selector.wakeup();
  }

  private void run() {
    try {
      while (!closed) {
        selector.select(500);
        if (resetRequested) {
          resetRequested = false;
          dropCaller();
        }
        for (SelectionKey key : selector.selectedKeys()) {
          if (key.channel() == outside) {
            fromOutside();
          } else if (key.channel() == inside) {
            fromFfmpeg();
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      if (!closed) {
        log.warn("srt relay stopped: {}", e.getMessage());
      }
    }
  }

  private void fromOutside() throws IOException {
    SocketAddress from;
    while ((from = receive(outside)) != null) {
      int length = buffer.remaining();
      buffer.get(bytes, 0, length);
      boolean handshake = length >= 16 && (bytes[0] & 0xFF) == 0x80 && bytes[1] == 0;
      if (caller == null && handshake) {
        caller = from;
        inside = DatagramChannel.open();
        inside.connect(ffmpeg);
        inside.configureBlocking(false);
        inside.register(selector, SelectionKey.OP_READ);
      }
      if (from.equals(caller) && inside != null) {
        if (streamId == null) {
          streamId = SrtHandshake.streamId(bytes, length).orElse(null);
        }
        try {
          inside.write(ByteBuffer.wrap(bytes, 0, length));
        } catch (PortUnreachableException e) {
          // FFmpeg is between listens; the caller retries its handshake
        }
      }
    }
  }

  private void fromFfmpeg() throws IOException {
    DatagramChannel channel = inside;
    SocketAddress to = caller;
    if (channel == null || to == null) {
      return;
    }
    buffer.clear();
    try {
      while (channel.read(buffer) > 0) {
        buffer.flip();
        outside.send(buffer, to);
        buffer.clear();
      }
    } catch (PortUnreachableException e) {
      // FFmpeg closed its listener; the session is ending
    }
  }

  private @Nullable SocketAddress receive(DatagramChannel channel) throws IOException {
    buffer.clear();
    SocketAddress from = channel.receive(buffer);
    buffer.flip();
    return from;
  }

  private void dropCaller() throws IOException {
    if (inside != null) {
      inside.close();
    }
    inside = null;
    caller = null;
    streamId = null;
  }

  @Override
  public void close() {
    closed = true;
    selector.wakeup();
    try {
      thread.join(2_000);
      dropCaller();
      selector.close();
      outside.close();
    } catch (IOException e) {
      log.debug("closing the srt relay: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
