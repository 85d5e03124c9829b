package dev.slipstream.media.rtp;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Records UDP datagrams as hex fixture lines, one datagram per line, in arrival order.
 *
 * <p>Not a test: run it with the single-file launcher while FFmpeg sends RTP to it, as the
 * fixtures' README describes: {@code java UdpCapture.java PORT OUT.hex IDLE_MS [HEADER]}. It stops
 * once no datagram has arrived for {@code IDLE_MS} after the first one.
 */
final class UdpCapture {
  private UdpCapture() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    int idleMillis = Integer.parseInt(args[2]);
    String header = args.length > 3 ? args[3] : "";
    try (DatagramSocket socket = new DatagramSocket(port, InetAddress.getLoopbackAddress());
        PrintWriter writer =
            new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.US_ASCII))) {
      socket.setReceiveBufferSize(4 << 20);
      if (!header.isEmpty()) {
        writer.println("# " + header);
      }
      byte[] buffer = new byte[65_536];
      int count = 0;
      while (true) {
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        socket.setSoTimeout(count == 0 ? 60_000 : idleMillis);
        try {
          socket.receive(datagram);
        } catch (SocketTimeoutException idle) {
          break;
        }
        writer.println(HexFormat.of().formatHex(buffer, 0, datagram.getLength()));
        count++;
      }
      System.out.println(count + " datagrams to " + out);
    }
  }
}
