package dev.slipstream.media.ingest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the Debian {@code ffmpeg} command as an external encoder pushing a test pattern. */
final class FfmpegPusher implements AutoCloseable {
  private final Process process;
  final long startedNanos = System.nanoTime();

  private FfmpegPusher(List<String> args) {
    List<String> command =
        new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin"));
    command.addAll(args);
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(new File("target/ffmpeg-pusher.log")))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pushes {@code seconds} of testsrc2 and a sine tone, encoded with {@code videoCodec}. */
  static FfmpegPusher push(String url, String format, double seconds, String... videoCodec) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-re",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=640x360:rate=30",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=44100",
                "-t",
                String.valueOf(seconds)));
    args.addAll(List.of(videoCodec));
    args.addAll(List.of("-c:a", "aac", "-f", format, url));
    return new FfmpegPusher(args);
  }

  /** The usual broadcaster settings: x264 constrained baseline, low latency, 2 s GOP. */
  static String[] baseline() {
    return new String[] {
      "-c:v", "libx264", "-profile:v", "baseline", "-tune", "zerolatency", "-g", "60"
    };
  }

  boolean waitFor(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /**
   * Waits until something listens on TCP {@code port} (or binds UDP {@code port}), as Linux's
   * socket tables tell: FFmpeg binds on its own thread some time after a listener starts, and an
   * encoder that calls before that is refused.
   */
  static void awaitListening(int port, boolean udp) throws Exception {
    String hex = String.format(":%04X", port);
    String base = udp ? "/proc/net/udp" : "/proc/net/tcp";
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      List<String> lines =
          new ArrayList<>(java.nio.file.Files.readAllLines(java.nio.file.Path.of(base)));
      lines.addAll(java.nio.file.Files.readAllLines(java.nio.file.Path.of(base + "6")));
      for (String line : lines) {
        String[] f = line.trim().split("\\s+");
        if (f.length > 3 && f[1].endsWith(hex) && (udp || f[3].equals("0A"))) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("nothing listens on port " + port);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
