package dev.slipstream.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A Slipstream server run the way a user runs it: a separate JVM started from the packaged jar and
 * its library folder, with its output captured line by line.
 */
final class ServerProcess implements AutoCloseable {
  private static final Path TARGET = Path.of("target").toAbsolutePath();

  private final Process process;
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  private final List<String> stderr = new CopyOnWriteArrayList<>();
  private final Thread outReader;
  private final Thread errReader;

  private ServerProcess(Process process) {
    this.process = process;
    this.outReader = Thread.ofVirtual().start(() -> drain(process.inputReader(), stdout));
    this.errReader = Thread.ofVirtual().start(() -> drain(process.errorReader(), stderr));
  }

  /** Starts {@code slipstream <args>} with the given extra environment. */
  static ServerProcess start(List<String> args, Map<String, String> env) throws IOException {
    Path jar = TARGET.resolve("slipstream-server.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("package the server first: " + jar + " is missing");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    if (Runtime.version().feature() >= 23) {
      // JavaCPP's indexers use sun.misc.Unsafe; without this, JDK 24+ warn on stderr (JEP 498).
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.add("-cp");
    command.add(jar + ":" + TARGET.resolve("lib") + "/*");
    command.add(Main.class.getName());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("SLIPSTREAM_"));
    builder.environment().putAll(env);
    return new ServerProcess(builder.start());
  }

  /** Returns a TCP port that was free a moment ago. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void drain(BufferedReader reader, List<String> lines) {
    try (reader) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException ignored) {
      // The process ended.
    }
  }

  /** Waits until a stdout line contains {@code text}; fails with the output if it exits first. */
  void awaitOutput(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (stdout.stream().anyMatch(line -> line.contains(text))) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "server exited with "
                + process.exitValue()
                + " before printing '"
                + text
                + "':\n"
                + output());
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "server did not print '" + text + "' within " + timeout + ":\n" + output());
  }

  /** Sends a signal by name (INT for Ctrl-C, KILL for kill -9). */
  void signal(String name) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
  }

  /** Waits for the process to end and returns its exit status. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("server still running after " + timeout + ":\n" + output());
    }
    outReader.join(Duration.ofSeconds(5));
    errReader.join(Duration.ofSeconds(5));
    return process.exitValue();
  }

  /**
   * Returns the PostgreSQL processes serving a data directory under {@code folder}: the postmaster
   * (found by its {@code -D} argument, as pg_ctl detaches it from our process tree) and its
   * workers.
   */
  static List<ProcessHandle> postgresProcessesUnder(Path folder) {
    String marker = folder.toAbsolutePath().toString();
    List<ProcessHandle> found = new ArrayList<>();
    ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .forEach(
            postmaster -> {
              found.add(postmaster);
              postmaster.descendants().forEach(found::add);
            });
    return found;
  }

  /** Returns the process handle, e.g. to list its children. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  List<String> stdout() {
    return List.copyOf(stdout);
  }

  List<String> stderr() {
    return List.copyOf(stderr);
  }

  String output() {
    return "--- stdout\n"
        + String.join("\n", stdout)
        + "\n--- stderr\n"
        + String.join("\n", stderr);
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
