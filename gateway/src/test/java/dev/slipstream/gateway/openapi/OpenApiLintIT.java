package dev.slipstream.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Lints the whole OpenAPI document (every fragment, pending operations included) with Redocly's CLI
 * from npm ({@code gateway/js}, installed by the build), and shows the linter fails documents that
 * are wrong: a dangling reference, an undeclared path parameter, an operation without a 4xx.
 */
class OpenApiLintIT {
  private static final Path JS = Path.of("js");
  private static final Path OUT = Path.of("target", "openapi");

  @Test
  void theDocumentPassesTheLinter() throws Exception {
    Lint lint = lint("openapi.json", OpenApiDocument.full());
    assertThat(lint.exitCode()).as(lint.output()).isZero();
    assertThat(lint.output()).contains("Woohoo! Your API description is valid");
  }

  @Test
  void theLinterFailsAWrongDocument() throws Exception {
    ObjectNode danglingRef = OpenApiDocument.full();
    ((ObjectNode) danglingRef.at("/components/schemas")).remove("Problem");
    ObjectNode undeclaredParam = OpenApiDocument.full();
    ((ObjectNode) undeclaredParam.at("/paths/~1api~1streams~1{id}/get")).remove("parameters");
    ObjectNode no4xx = OpenApiDocument.full();
    ((ObjectNode) no4xx.at("/paths/~1api~1streams~1{id}/get/responses"))
        .remove(List.of("404", "4XX"));
    for (var broken :
        List.of(
            new Object[] {"dangling-ref.json", danglingRef, "no-unresolved-refs"},
            new Object[] {"undeclared-param.json", undeclaredParam, "path-parameters-defined"},
            new Object[] {"no-4xx.json", no4xx, "operation-4xx-response"})) {
      Lint lint = lint((String) broken[0], (ObjectNode) broken[1]);
      assertThat(lint.exitCode()).as(lint.output()).isNotZero();
      assertThat(lint.output()).contains((String) broken[2]);
    }
  }

  private record Lint(int exitCode, String output) {}

  private static Lint lint(String name, ObjectNode document) throws Exception {
    Files.createDirectories(OUT);
    Path file = OUT.resolve(name);
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), document);
    Path cli = JS.resolve("node_modules/@redocly/cli/bin/cli.js");
    assertThat(cli).as("npm ci in gateway/js (the build runs it)").exists();
    ProcessBuilder builder =
        new ProcessBuilder(
                "node",
                cli.toString(),
                "lint",
                "--config",
                JS.resolve("redocly.yaml").toString(),
                file.toString())
            .redirectErrorStream(true);
    builder.environment().put("REDOCLY_TELEMETRY", "off");
    builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
    builder.environment().put("NO_COLOR", "1");
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("the linter did not finish in 120 s");
    }
    return new Lint(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
