package dev.slipstream.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the whole machine's CPU time (the first line of {@code /proc/stat}) and its context
 * switches (its {@code ctxt} line), for the benches that load the machine. It matters on loopback:
 * the kernel delivers each datagram in softirq context, which no process is charged for, so the
 * processes' CPU can read well below a machine that is in fact saturated.
 *
 * @param busyTicks user, nice, system, irq, softirq and steal time, in 1/100 s
 * @param interruptTicks of which irq and softirq, the time no process is charged for
 * @param totalTicks busy plus idle and iowait
 * @param contextSwitches the machine's context switches since boot ({@code ctxt}), 0 when unknown
 */
public record MachineCpu(
    long busyTicks, long interruptTicks, long totalTicks, long contextSwitches) {
  private static final Path STAT = Path.of("/proc/stat");

  /** Returns the counters now, or zeros where the system does not say. */
  public static MachineCpu now() {
    try {
      List<String> lines = Files.readAllLines(STAT);
      String first = lines.getFirst();
      String[] f = first.trim().split("\\s+");
      long busy = 0;
      long interrupts = 0;
      long total = 0;
      for (int i = 1; i <= 8 && i < f.length; i++) {
        long ticks = Long.parseLong(f[i]);
        total += ticks;
        if (i != 4 && i != 5) {
          busy += ticks;
        }
        if (i == 6 || i == 7) {
          interrupts += ticks;
        }
      }
      long switches = 0;
      for (String line : lines) {
        if (line.startsWith("ctxt ")) {
          switches = Long.parseLong(line.substring("ctxt ".length()).trim());
        }
      }
      return new MachineCpu(busy, interrupts, total, switches);
    } catch (IOException | RuntimeException e) {
      return new MachineCpu(0, 0, 0, 0);
    }
  }

  /**
   * Returns the machine's CPU use between {@code earlier} and this, 100 per busy core, or -1 when
   * unknown.
   */
  public double percentSince(MachineCpu earlier) {
    return percent(busyTicks - earlier.busyTicks, earlier);
  }

  /** Returns the irq and softirq part of {@link #percentSince} (packet delivery), or -1. */
  public double interruptPercentSince(MachineCpu earlier) {
    return percent(interruptTicks - earlier.interruptTicks, earlier);
  }

  /**
   * Returns the CPU time the whole machine spent busy between {@code earlier} and this, in
   * microseconds (all cores together), or -1 when unknown.
   */
  public double busyMicrosSince(MachineCpu earlier) {
    return totalTicks > earlier.totalTicks ? (busyTicks - earlier.busyTicks) * 10_000.0 : -1;
  }

  /** Returns the machine's context switches between {@code earlier} and this. */
  public long contextSwitchesSince(MachineCpu earlier) {
    return contextSwitches - earlier.contextSwitches;
  }

  private double percent(long ticks, MachineCpu earlier) {
    long total = totalTicks - earlier.totalTicks;
    if (total <= 0) {
      return -1;
    }
    return 100.0 * Runtime.getRuntime().availableProcessors() * ticks / total;
  }
}
