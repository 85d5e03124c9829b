package dev.slipstream.bench.viewers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the kernel's UDP drop counters for this machine's network namespace from {@code
 * /proc/net/snmp}: datagrams dropped because a socket's receive buffer was full ({@code
 * RcvbufErrors}) or a send buffer was ({@code SndbufErrors}). On loopback these tell loss in the
 * kernel apart from loss in the SFU's own queues.
 */
final class UdpDrops {
  private static final Path SNMP = Path.of("/proc/net/snmp");

  private UdpDrops() {}

  /** Returns receive-buffer plus send-buffer drops so far, or -1 where the system does not say. */
  static long total() {
    List<String> udp;
    try {
      udp = Files.readAllLines(SNMP).stream().filter(l -> l.startsWith("Udp: ")).toList();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
    if (udp.size() < 2) {
      return -1;
    }
    List<String> names = List.of(udp.get(0).split("\\s+"));
    String[] values = udp.get(1).split("\\s+");
    int rcv = names.indexOf("RcvbufErrors");
    int snd = names.indexOf("SndbufErrors");
    if (rcv < 0 || snd < 0) {
      return -1;
    }
    return Long.parseLong(values[rcv]) + Long.parseLong(values[snd]);
  }
}
