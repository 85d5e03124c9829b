package dev.slipstream.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlipstreamConfigTest {
  @TempDir Path dir;

  private SlipstreamConfig load(List<String> flags, Map<String, String> env) {
    return SlipstreamConfig.load(flags, env, dir, Path.of("/opt/slipstream"));
  }

  @Test
  void withNothingSetTheDefaultsApply() {
    SlipstreamConfig config = load(List.of(), Map.of());

    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.httpHost()).isEqualTo("127.0.0.1");
    assertThat(config.dataDirectory()).isEqualTo(Path.of("/opt/slipstream/.data"));
    assertThat(config.databaseUrl()).isEmpty();
    assertThat(config.redisUrl()).isEmpty();
    assertThat(config.roles()).isEqualTo(EnumSet.allOf(Role.class));
  }

  @Test
  void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws IOException {
    Path file = dir.resolve("slipstream.properties");
    Files.writeString(file, "http.port=7001\ndatabase.pool.size=3\nlog.level=warn\n");

    SlipstreamConfig config =
        load(
            List.of("--http-port=7003", "--config", "slipstream.properties"),
            Map.of("SLIPSTREAM_HTTP_PORT", "7002", "SLIPSTREAM_DATABASE_POOL_SIZE", "4"));

    assertThat(config.httpPort()).isEqualTo(7003);
    assertThat(config.databasePoolSize()).isEqualTo(4);
    assertThat(config.logLevel()).isEqualTo("warn");
    assertThat(config.values().get(Settings.LOG_LEVEL).label())
        .isEqualTo("log.level=warn (in " + file + ")");
  }

  @Test
  void aPortOutOfRangeNamesTheSettingTheValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> load(List.of(), Map.of("SLIPSTREAM_HTTP_PORT", "70000")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("SLIPSTREAM_HTTP_PORT=70000: must be 1–65535");
    assertThatThrownBy(() -> load(List.of("--http-port=eighty"), Map.of()))
        .hasMessage("--http-port=eighty: must be a whole number 1–65535");
  }

  @Test
  void everyKindOfWrongValueIsExplained() {
    assertThatThrownBy(() -> load(List.of(), Map.of("SLIPSTREAM_DATABASE_URL", "mysql://x")))
        .hasMessage(
            "SLIPSTREAM_DATABASE_URL=mysql://x: must be a jdbc:postgresql:// URL, or empty for the"
                + " embedded database");
    assertThatThrownBy(() -> load(List.of(), Map.of("SLIPSTREAM_REDIS_URL", "http://r:6379")))
        .hasMessageStartingWith("SLIPSTREAM_REDIS_URL=http://r:6379: must be redis://host:port");
    assertThatThrownBy(() -> load(List.of("--roles=media,betting"), Map.of()))
        .hasMessage(
            "--roles=media,betting: must be a comma-separated list of media, vision, markets,"
                + " ledger, gateway, or all");
    assertThatThrownBy(() -> load(List.of("--log-level=loud"), Map.of()))
        .hasMessage("--log-level=loud: must be trace, debug, info, warn or error");
    assertThatThrownBy(
            () ->
                load(
                    List.of(),
                    Map.of(
                        "SLIPSTREAM_DATABASE_PASSWORD",
                        "hunter2",
                        "SLIPSTREAM_DATABASE_POOL_SIZE",
                        "0")))
        .hasMessage("SLIPSTREAM_DATABASE_POOL_SIZE=0: must be 1–500");
  }

  @Test
  void theVisionDetectorNeedsAReadableModelExactlyWhenItIsOnnx() throws IOException {
    assertThat(load(List.of(), Map.of()).visionDetector().onnxModel()).isEmpty();
    assertThatThrownBy(() -> load(List.of("--vision-detector=yolo"), Map.of()))
        .hasMessage("--vision-detector=yolo: must be background or onnx");
    assertThatThrownBy(() -> load(List.of("--vision-detector=onnx"), Map.of()))
        .hasMessage(
            "vision.onnx.model= (default): must name the .onnx file when vision.detector is onnx");
    assertThatThrownBy(
            () ->
                load(
                    List.of("--vision-detector=onnx", "--vision-onnx-model=/no/such/model.onnx"),
                    Map.of()))
        .hasMessage("--vision-onnx-model=/no/such/model.onnx: no such file");
    Path model = Files.createTempFile("detector", ".onnx");
    assertThatThrownBy(() -> load(List.of("--vision-onnx-model=" + model), Map.of()))
        .hasMessage(
            "--vision-onnx-model="
                + model
                + ": is only used with vision.detector=onnx (vision.detector is background)");
    assertThat(
            load(List.of("--vision-detector=onnx", "--vision-onnx-model=" + model), Map.of())
                .visionDetector()
                .onnxModel())
        .hasValue(model);
  }

  @Test
  void typosAreRejectedRatherThanIgnored() {
    assertThatThrownBy(() -> load(List.of("--http-prot=1"), Map.of()))
        .hasMessage("unknown setting --http-prot: ./slipstream --help lists them");
    assertThatThrownBy(() -> load(List.of(), Map.of("SLIPSTREAM_HTTP_PROT", "1")))
        .hasMessage(
            "unknown setting SLIPSTREAM_HTTP_PROT in the environment: ./slipstream --help lists"
                + " them");
    assertThatThrownBy(() -> load(List.of("--http-port"), Map.of()))
        .hasMessage("--http-port needs a value: --http-port=<1–65535>");
    assertThat(load(List.of(), Map.of("SLIPSTREAM_JAVA_OPTS", "-Xmx1g")).httpPort())
        .isEqualTo(8080);
  }

  @Test
  void aMissingOrWrongConfigFileIsNamed() throws IOException {
    assertThatThrownBy(() -> load(List.of("--config=nope.properties"), Map.of()))
        .hasMessage("--config=nope.properties: no such file " + dir.resolve("nope.properties"));
    Files.writeString(dir.resolve("bad.properties"), "http.prot=1\n");
    assertThatThrownBy(() -> load(List.of(), Map.of("SLIPSTREAM_CONFIG", "bad.properties")))
        .hasMessage(
            "unknown setting http.prot in "
                + dir.resolve("bad.properties")
                + ": ./slipstream --help lists them");
  }

  @Test
  void passwordsAreNeverShownInLabels() {
    SlipstreamConfig config = load(List.of("--database-password=hunter2"), Map.of());
    assertThat(config.values().get(Settings.DATABASE_PASSWORD).label())
        .isEqualTo("--database-password=***");
    assertThat(config.databasePassword()).isEqualTo("hunter2");
  }

  @Test
  void aRelativeDataDirectoryIsResolvedFromTheWorkingDirectory() {
    assertThat(load(List.of("--data-dir=state"), Map.of()).dataDirectory())
        .isEqualTo(dir.resolve("state"));
  }
}
