package dev.slipstream.server;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends junk at a media port until closed: random bytes, and datagrams dressed as STUN, DTLS, RTP
 * and RTCP by their first byte, from an address no session knows. The server must drop and count
 * them without disturbing real sessions.
 */
final class GarbageSender implements AutoCloseable {
  private static final int[] FIRST_BYTES = {0x00, 0x01, 0x16, 0x17, 0x80, 0x90, 0xC8, 0xFF};

  private final DatagramSocket socket;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong sent = new AtomicLong();
  private final Thread thread;

  private GarbageSender(DatagramSocket socket, InetSocketAddress target) {
    this.socket = socket;
    this.thread = Thread.ofPlatform().name("garbage-sender").start(() -> send(target));
  }

  static GarbageSender start(InetSocketAddress target) throws IOException {
    return new GarbageSender(new DatagramSocket(), target);
  }

  private void send(InetSocketAddress target) {
    SplittableRandom random = new SplittableRandom(7);
    while (running.get()) {
      byte[] junk = new byte[random.nextInt(1, 1_300)];
      random.nextBytes(junk);
      junk[0] = (byte) FIRST_BYTES[random.nextInt(FIRST_BYTES.length)];
      try {
        socket.send(new DatagramPacket(junk, junk.length, target));
        sent.incrementAndGet();
        Thread.sleep(2);
      } catch (IOException | InterruptedException e) {
        return;
      }
    }
  }

  long sent() {
    return sent.get();
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join();
    socket.close();
  }
}
