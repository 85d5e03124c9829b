package dev.slipstream.media.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipstream.media.ice.ReceivedStun;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;

/** A plain TCP socket that acts like a browser using a passive ICE-TCP candidate. */
final class FakeTcpBrowser implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final FakeBrowser stun;

  FakeTcpBrowser(InetSocketAddress sfu, long seed) throws IOException {
    this.socket = new Socket();
    this.socket.connect(sfu, 5_000);
    this.socket.setSoTimeout(5_000);
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    // Only its request builder is used; its UDP socket stays idle.
    this.stun = new FakeBrowser(sfu, seed);
  }

  InetSocketAddress address() {
    InetSocketAddress local = (InetSocketAddress) socket.getLocalSocketAddress();
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), local.getPort());
  }

  ReceivedStun check(String username, String password, boolean useCandidate) throws IOException {
    writeFrame(stun.bindingRequest(username, password, useCandidate));
    return FakeBrowser.parse(readFrame());
  }

  byte[] bindingRequest(String username, String password) {
    return stun.bindingRequest(username, password, false);
  }

  void writeFrame(byte[] packet) throws IOException {
    writeRaw(frame(packet));
  }

  void writeRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  void endOutput() throws IOException {
    socket.shutdownOutput();
  }

  byte[] readFrame() throws IOException {
    byte[] packet = new byte[in.readUnsignedShort()];
    in.readFully(packet);
    return packet;
  }

  /** Checks the SFU closes the connection: the next read ends the stream. */
  void expectClosedBySfu() throws IOException {
    try {
      int next = in.read();
      assertThat(next).as("end of stream").isEqualTo(-1);
    } catch (EOFException | SocketException closed) {
      // a reset is a close too
    }
  }

  static byte[] frame(byte[] packet) {
    return ByteBuffer.allocate(2 + packet.length)
        .putShort((short) packet.length)
        .put(packet)
        .array();
  }

  @Override
  public void close() throws IOException {
    stun.close();
    socket.close();
  }
}
