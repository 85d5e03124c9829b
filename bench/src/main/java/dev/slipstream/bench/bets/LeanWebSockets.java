package dev.slipstream.bench.bets;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Many client WebSockets (RFC 6455) on one selector thread, for load generation: a bench that
 * drives 1,000 sockets through the JDK's {@code java.net.http.WebSocket} spends as much CPU on its
 * own futures and buffers as the server spends answering, and on a two-core machine that is CPU
 * taken from the server being measured. Here a send is one masked frame written straight to the
 * socket from the caller's thread, and one thread reads every socket and hands each complete binary
 * message to the {@link Listener}.
 *
 * <p>Covers what the bench needs and no more: the opening handshake (checked: status 101 and the
 * {@code Sec-WebSocket-Accept} the key implies), binary and text messages, fragmented or not,
 * 7/16/64-bit lengths, ping answered with pong, close. No extensions, no TLS.
 */
final class LeanWebSockets implements AutoCloseable {
  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final int MAX_MESSAGE = 16 * 1024 * 1024;

  /** Receives what the sockets read, on the reading thread. */
  interface Listener {
    /** A complete binary (or text) message on socket {@code socket}; valid during the call. */
    void onMessage(int socket, ByteBuffer payload);

    /** The socket failed or was closed by the server. */
    void onClosed(int socket, String why);
  }

  private final class Connection {
    final int index;
    final SocketChannel channel;
    ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    ByteBuffer message = ByteBuffer.allocate(4 * 1024);
    final Queue<ByteBuffer> unsent = new ArrayDeque<>();
    boolean open = true;

    Connection(int index, SocketChannel channel) {
      this.index = index;
      this.channel = channel;
    }
  }

  private final List<Connection> connections = new ArrayList<>();
  private final Listener listener;
  private final Selector selector;
  private final Queue<Connection> wantWrite = new ConcurrentLinkedQueue<>();
  private final Thread reader;
  private volatile boolean closing;

  /**
   * Opens one socket per entry of {@code paths} (path and query, such as {@code
   * /api/live?access_token=…}) on {@code server}, each after a checked handshake.
   *
   * @throws IOException when a socket cannot connect or the server refuses the upgrade
   */
  LeanWebSockets(InetSocketAddress server, List<String> paths, Listener listener)
      throws IOException {
    this.listener = listener;
    this.selector = Selector.open();
    try {
      for (String path : paths) {
        SocketChannel channel = SocketChannel.open(server);
        channel.socket().setTcpNoDelay(true);
        Connection c = new Connection(connections.size(), channel);
        handshake(c, server, path);
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ, c);
        connections.add(c);
      }
    } catch (IOException | RuntimeException e) {
      for (Connection c : connections) {
        c.channel.close();
      }
      selector.close();
      throw e;
    }
    this.reader = Thread.ofPlatform().name("lean-websockets").daemon().start(this::readLoop);
  }

  /** Sends {@code payload} as one binary message on socket {@code socket}. */
  void sendBinary(int socket, byte[] payload) throws IOException {
    send(connections.get(socket), frame(0x2, payload));
  }

  private void send(Connection c, ByteBuffer frame) throws IOException {
    synchronized (c) {
      if (!c.open) {
        throw new IOException("socket " + c.index + " is closed");
      }
      if (c.unsent.isEmpty()) {
        c.channel.write(frame);
        if (!frame.hasRemaining()) {
          return;
        }
      }
      c.unsent.add(frame);
    }
    wantWrite.add(c);
    selector.wakeup();
  }

  /** A masked client frame, FIN set. */
  private static ByteBuffer frame(int opcode, byte[] payload) {
    int n = payload.length;
    int header = n < 126 ? 2 : n <= 0xFFFF ? 4 : 10;
    ByteBuffer f = ByteBuffer.allocate(header + 4 + n);
    f.put((byte) (0x80 | opcode));
    if (n < 126) {
      f.put((byte) (0x80 | n));
    } else if (n <= 0xFFFF) {
      f.put((byte) (0x80 | 126)).putShort((short) n);
    } else {
      f.put((byte) (0x80 | 127)).putLong(n);
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    f.put(mask);
    for (int i = 0; i < n; i++) {
      f.put((byte) (payload[i] ^ mask[i & 3]));
    }
    return f.flip();
  }

  private void handshake(Connection c, InetSocketAddress server, String path) throws IOException {
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    String key = Base64.getEncoder().encodeToString(nonce);
    String request =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: "
            + server.getHostString()
            + ":"
            + server.getPort()
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
            + key
            + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
    while (out.hasRemaining()) {
      c.channel.write(out);
    }
    int end;
    while ((end = headerEnd(c.in)) < 0) {
      if (!c.in.hasRemaining() || c.channel.read(c.in) < 0) {
        throw new IOException("the server closed or overflowed the handshake of " + path);
      }
    }
    String head = new String(c.in.array(), 0, end, StandardCharsets.ISO_8859_1);
    if (!head.startsWith("HTTP/1.1 101")) {
      throw new IOException("no upgrade for " + path + ": " + head.lines().findFirst().orElse(""));
    }
    String expected = accept(key);
    boolean accepted =
        head.lines()
            .anyMatch(
                line ->
                    line.regionMatches(true, 0, "Sec-WebSocket-Accept:", 0, 21)
                        && line.substring(21).trim().equals(expected));
    if (!accepted) {
      throw new IOException("the server's Sec-WebSocket-Accept for " + path + " is wrong");
    }
    // bytes after the headers are the first frames
    c.in.flip().position(end);
    c.in.compact();
  }

  private static int headerEnd(ByteBuffer in) {
    byte[] a = in.array();
    for (int i = 3; i < in.position(); i++) {
      if (a[i - 3] == '\r' && a[i - 2] == '\n' && a[i - 1] == '\r' && a[i] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  private static String accept(String key) {
    try {
      byte[] sha =
          MessageDigest.getInstance("SHA-1")
              .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(sha);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void readLoop() {
    try {
      while (!closing) {
        selector.select();
        for (Connection c; (c = wantWrite.poll()) != null; ) {
          SelectionKey key = c.channel.keyFor(selector);
          if (key != null && key.isValid()) {
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          }
        }
        for (SelectionKey key : selector.selectedKeys()) {
          Connection c = (Connection) key.attachment();
          try {
            if (key.isValid() && key.isWritable()) {
              flush(c, key);
            }
            if (key.isValid() && key.isReadable()) {
              read(c);
            }
          } catch (IOException | RuntimeException e) {
            fail(c, key, e.toString());
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      if (!closing) {
        for (Connection c : connections) {
          listener.onClosed(c.index, "the selector failed: " + e);
        }
      }
    }
  }

  private void flush(Connection c, SelectionKey key) throws IOException {
    synchronized (c) {
      while (!c.unsent.isEmpty()) {
        ByteBuffer next = c.unsent.peek();
        c.channel.write(next);
        if (next.hasRemaining()) {
          return;
        }
        c.unsent.poll();
      }
      key.interestOps(SelectionKey.OP_READ);
    }
  }

  private void read(Connection c) throws IOException {
    if (!c.in.hasRemaining()) {
      c.in = grow(c.in, c.in.capacity() * 2);
    }
    if (c.channel.read(c.in) < 0) {
      throw new IOException("the server closed the connection");
    }
    c.in.flip();
    while (parseOne(c)) {
      // one frame handled
    }
    c.in.compact();
  }

  /** Handles one complete frame at the buffer's position; false when more bytes are needed. */
  private boolean parseOne(Connection c) throws IOException {
    ByteBuffer in = c.in;
    int start = in.position();
    if (in.remaining() < 2) {
      return false;
    }
    int b0 = in.get(start) & 0xFF;
    int b1 = in.get(start + 1) & 0xFF;
    if ((b1 & 0x80) != 0) {
      throw new IOException("the server masked a frame (RFC 6455 5.1 forbids it)");
    }
    int lengthBits = b1 & 0x7F;
    int header = lengthBits < 126 ? 2 : lengthBits == 126 ? 4 : 10;
    if (in.remaining() < header) {
      return false;
    }
    long length =
        lengthBits < 126
            ? lengthBits
            : lengthBits == 126 ? in.getShort(start + 2) & 0xFFFF : in.getLong(start + 2);
    if (length < 0 || length > MAX_MESSAGE) {
      throw new IOException("a frame of " + length + " bytes is more than the bench takes");
    }
    if (in.remaining() < header + length) {
      return false; // a full buffer is doubled by the next read
    }
    int payloadAt = start + header;
    int n = (int) length;
    int opcode = b0 & 0x0F;
    boolean fin = (b0 & 0x80) != 0;
    in.position(payloadAt + n);
    switch (opcode) {
      case 0x0, 0x1, 0x2 -> {
        if (fin && opcode != 0x0 && c.message.position() == 0) {
          listener.onMessage(c.index, in.duplicate().position(payloadAt).limit(payloadAt + n));
        } else {
          if (c.message.remaining() < n) {
            c.message =
                grow(c.message, Math.max(c.message.capacity() * 2, c.message.position() + n));
          }
          c.message.put(in.duplicate().position(payloadAt).limit(payloadAt + n));
          if (fin) {
            listener.onMessage(c.index, c.message.flip());
            c.message.clear();
          }
        }
      }
      case 0x8 -> throw new IOException("the server closed the socket");
      case 0x9 -> {
        byte[] ping = new byte[n];
        in.duplicate().position(payloadAt).get(ping);
        send(c, frame(0xA, ping));
      }
      case 0xA -> {
        // an unsolicited pong needs no answer
      }
      default -> throw new IOException("unknown WebSocket opcode " + opcode);
    }
    return true;
  }

  /** A bigger copy of a buffer in write mode (its content is what lies before its position). */
  private static ByteBuffer grow(ByteBuffer buffer, int capacity) {
    ByteBuffer bigger = ByteBuffer.allocate(capacity);
    ByteBuffer old = buffer.duplicate();
    old.flip();
    bigger.put(old);
    return bigger;
  }

  private void fail(Connection c, SelectionKey key, String why) {
    key.cancel();
    synchronized (c) {
      c.open = false;
    }
    try {
      c.channel.close();
    } catch (IOException ignored) {
      // closing a failed socket
    }
    if (!closing) {
      listener.onClosed(c.index, why);
    }
  }

  /** Sends a close frame on every socket and stops reading. */
  @Override
  public void close() {
    closing = true;
    for (Connection c : connections) {
      try {
        send(c, frame(0x8, new byte[] {0x03, (byte) 0xE8})); // 1000, normal closure
      } catch (IOException ignored) {
        // the socket is gone already
      }
    }
    selector.wakeup();
    try {
      reader.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Connection c : connections) {
      try {
        c.channel.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    try {
      selector.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
