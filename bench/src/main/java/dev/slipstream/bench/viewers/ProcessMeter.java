package dev.slipstream.bench.viewers;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a Linux process's CPU time and resident memory: this JVM's from the platform MXBean and
 * {@code /proc/self/status}, another process's from {@code /proc/<pid>/stat} and {@code status}.
 * CPU time is summed over all threads, so 100 % per busy core.
 */
final class ProcessMeter {
  /** Linux's USER_HZ on every mainstream architecture: /proc reports CPU time in 1/100 s. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private final Path proc;
  private final boolean self;

  private ProcessMeter(Path proc, boolean self) {
    this.proc = proc;
    this.self = self;
  }

  /** Returns the meter of this JVM. */
  static ProcessMeter self() {
    return new ProcessMeter(Path.of("/proc/self"), true);
  }

  /** Returns the meter of process {@code pid} on this machine. */
  static ProcessMeter of(long pid) {
    Path proc = Path.of("/proc", Long.toString(pid));
    if (!Files.isDirectory(proc)) {
      throw new IllegalArgumentException("--server-pid: no process " + pid + " on this machine");
    }
    return new ProcessMeter(proc, false);
  }

  /** Returns the CPU time used so far, user and system, in nanoseconds. */
  long cpuNanos() {
    if (self
        && ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    String stat = read("stat");
    // Fields after the command name, which may hold spaces, start after the last ')'.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
  }

  /** Returns the resident set size in bytes, or -1 when the system does not say. */
  long rssBytes() {
    for (String line : read("status").split("\n")) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1_024;
      }
    }
    return -1;
  }

  private String read(String file) {
    try {
      return Files.readString(proc.resolve(file));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + proc.resolve(file) + ": " + e.getMessage());
    }
  }
}
