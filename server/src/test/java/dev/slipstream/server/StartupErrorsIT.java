package dev.slipstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes a user makes at start-up each get one line saying what is wrong. */
class StartupErrorsIT {
  @TempDir Path data;

  @Test
  void aWrongSettingStopsStartUpWithOneLineNamingIt() throws Exception {
    try (ServerProcess server =
        ServerProcess.start(List.of("demo"), Map.of("SLIPSTREAM_HTTP_PORT", "70000"))) {
      assertThat(server.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
      assertThat(server.stderr())
          .containsExactly("slipstream: SLIPSTREAM_HTTP_PORT=70000: must be 1–65535");
      assertNoStackTrace(server);
    }
  }

  @Test
  void anOnnxDetectorThatIsNotAModelStopsStartUpWithOneLineAndLeavesNothingRunning()
      throws Exception {
    Path model = data.resolve("people.onnx");
    java.nio.file.Files.writeString(model, "this is not an ONNX model");
    try (ServerProcess server =
        ServerProcess.start(
            List.of(
                "run",
                "--data-dir=" + data,
                "--vision-detector=onnx",
                "--vision-onnx-model=" + model),
            Map.of())) {
      assertThat(server.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
      assertThat(server.stderr()).hasSize(1);
      assertThat(server.stderr().getFirst())
          .startsWith(
              "slipstream: SLIPSTREAM_VISION_ONNX_MODEL: ONNX model "
                  + model
                  + ": ONNX Runtime cannot load it");
      assertNoStackTrace(server);
      assertThat(ServerProcess.postgresProcessesUnder(data)).isEmpty();
    }
  }

  @Test
  void anUnreachableExternalDatabaseIsOneLine() throws Exception {
    try (ServerProcess server =
        ServerProcess.start(
            List.of("run", "--data-dir=" + data),
            Map.of("SLIPSTREAM_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/slipstream"))) {
      assertThat(server.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
      assertThat(server.stderr()).hasSize(1);
      assertThat(server.stderr().getFirst())
          .startsWith("slipstream: cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/")
          .contains("refused");
      assertNoStackTrace(server);
    }
  }

  @Test
  void anUnreachableRedisIsOneLineAndLeavesNothingRunning() throws Exception {
    try (ServerProcess server =
        ServerProcess.start(
            List.of("run", "--data-dir=" + data, "--redis-url=redis://127.0.0.1:1"), Map.of())) {
      assertThat(server.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
      assertThat(server.stderr()).hasSize(1);
      assertThat(server.stderr().getFirst())
          .startsWith("slipstream: cannot connect to Redis at 127.0.0.1:1");
      assertNoStackTrace(server);
      assertThat(ServerProcess.postgresProcessesUnder(data)).isEmpty();
    }
  }

  @Test
  void aPortAlreadyInUseIsOneLineAndLeavesNothingRunning() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerProcess server =
            ServerProcess.start(
                List.of(
                    "demo",
                    "--http-port=" + taken.getLocalPort(),
                    "--data-dir=" + data,
                    "--media-udp-port=0",
                    "--media-tcp-port=0",
                    "--media-rtmp-port=0",
                    "--media-srt-port=0"),
                Map.of())) {
      assertThat(server.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
      assertThat(server.stderr())
          .containsExactly(
              "slipstream: cannot listen on 127.0.0.1:"
                  + taken.getLocalPort()
                  + ": the port is already in use by another program");
      assertNoStackTrace(server);
      assertThat(ServerProcess.postgresProcessesUnder(data)).isEmpty();
    }
  }

  @Test
  void anUnknownCommandPointsToHelp() throws Exception {
    try (ServerProcess server = ServerProcess.start(List.of("demoo"), Map.of())) {
      assertThat(server.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
      assertThat(server.stderr())
          .containsExactly(
              "slipstream: unknown command demoo: ./slipstream --help lists the commands");
    }
  }

  private static void assertNoStackTrace(ServerProcess server) {
    assertThat(server.stdout())
        .noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"));
  }
}
