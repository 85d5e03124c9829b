package dev.slipstream.bench.fanout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor the gateway is compared with: plain TCP connections, one writer thread sending each
 * update's bytes to every connection in turn, no framing work, no queues, no fan-out structure.
 */
final class BaselineServer implements AutoCloseable {
  private final ServerSocketChannel server;
  private final List<SocketChannel> clients = new ArrayList<>();

  BaselineServer() throws IOException {
    server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress("127.0.0.1", 0), 4_096);
  }

  int port() {
    return server.socket().getLocalPort();
  }

  /** Accepts {@code count} connections on a thread of its own. */
  Thread acceptInBackground(int count) {
    return Thread.ofPlatform()
        .name("baseline-accept")
        .start(
            () -> {
              try {
                for (int i = 0; i < count; i++) {
                  SocketChannel client = server.accept();
                  client.socket().setTcpNoDelay(true);
                  synchronized (clients) {
                    clients.add(client);
                  }
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /** Writes {@code frame} to every connection, one after another. */
  void broadcast(byte[] frame) throws IOException {
    synchronized (clients) {
      for (SocketChannel client : clients) {
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        while (buffer.hasRemaining()) {
          client.write(buffer);
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (clients) {
      for (SocketChannel client : clients) {
        client.close();
      }
    }
    server.close();
  }
}
