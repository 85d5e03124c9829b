package dev.slipstream.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.slipstream.wire.MalformedInputs.MalformedInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves that Java and the generated TypeScript agree on every message, in both directions.
 *
 * <p>Java writes each sample's bytes and its canonical proto3 JSON; {@code
 * src/test/ts/cross-language-check.ts}, compiled by the build, decodes the bytes, compares its own
 * JSON with Java's field by field, edits one field and writes the bytes back; Java then decodes
 * those and expects exactly {@link WireSamples#edited(Message)}. The files stay under {@code
 * target/cross-language} to inspect after a failure.
 */
class CrossLanguageRoundTripIT {

  private static final long NODE_TIMEOUT_SECONDS = 120;

  private static final Path WORK_DIR =
      Path.of(System.getProperty("wire.workDir", "target/cross-language"));
  private static final Path JAVA_DIR = WORK_DIR.resolve("java");
  private static final Path TS_DIR = WORK_DIR.resolve("ts");

  private static int nodeExitCode;
  private static String nodeOutput = "";

  @BeforeAll
  static void writeSamplesAndRunTheTypeScriptCheck() throws IOException, InterruptedException {
    deleteTree(WORK_DIR);
    Files.createDirectories(JAVA_DIR.resolve("malformed"));
    Files.createDirectories(TS_DIR.resolve("malformed"));

    StringBuilder manifest = new StringBuilder();
    for (SampleCase sample : WireSamples.all()) {
      Files.write(JAVA_DIR.resolve(sample.name() + ".bin"), sample.message().toByteArray());
      Files.writeString(
          JAVA_DIR.resolve(sample.name() + ".json"), JsonFormat.printer().print(sample.message()));
      manifest.append(sample.name()).append('\t').append(sample.typeName()).append('\n');
    }
    Files.writeString(JAVA_DIR.resolve("manifest.tsv"), manifest);

    StringBuilder malformed = new StringBuilder();
    for (MalformedInput input : MalformedInputs.all()) {
      Files.write(JAVA_DIR.resolve("malformed").resolve(input.name() + ".bin"), input.bytes());
      malformed.append(input.name()).append('\t').append(input.typeName()).append('\n');
    }
    Files.writeString(JAVA_DIR.resolve("malformed.tsv"), malformed);

    runTypeScriptCheck();
  }

  @Test
  void theTypeScriptCheckFinishesWithoutReportingAProblem() {
    assertThat(nodeExitCode).as("node exit code; its output:%n%s", nodeOutput).isZero();
  }

  @TestFactory
  Stream<DynamicTest> typeScriptReadsEveryFieldJavaWrote() {
    return WireSamples.all().stream()
        .map(
            sample ->
                dynamicTest(
                    "TypeScript reads every field Java wrote in " + sample.name(),
                    () ->
                        assertThat(tsResult(sample.name() + ".check.txt"))
                            .as("TypeScript's findings for %s", sample.name())
                            .isEqualTo("ok")));
  }

  @TestFactory
  Stream<DynamicTest> javaReadsTheMessagesTypeScriptEditedAndReEncoded() {
    return WireSamples.all().stream()
        .map(
            sample ->
                dynamicTest(
                    "Java reads TypeScript's edited " + sample.name(),
                    () -> {
                      Path bytes = TS_DIR.resolve(sample.name() + ".bin");
                      assertThat(bytes)
                          .as("TypeScript wrote no bytes; its output:%n%s", nodeOutput)
                          .exists();

                      Message decoded =
                          WireMessages.parse(sample.message(), Files.readAllBytes(bytes));

                      assertThat(decoded)
                          .as("%s as TypeScript edited it", sample.name())
                          .isEqualTo(WireSamples.edited(sample.message()));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> bothLanguagesRejectMalformedBytesNamingTheExpectedType() {
    return MalformedInputs.all().stream()
        .map(
            input ->
                dynamicTest(
                    "Java and TypeScript both reject " + input.name(),
                    () -> {
                      String expectedStart =
                          input.typeName()
                              + ": "
                              + input.bytes().length
                              + " bytes are not a valid message (";
                      Message prototype = prototypeOf(input.typeName());

                      assertThatThrownBy(() -> WireMessages.parse(prototype, input.bytes()))
                          .isInstanceOf(MalformedMessageException.class)
                          .hasMessageStartingWith(expectedStart);
                      assertThat(tsResult("malformed/" + input.name() + ".txt"))
                          .startsWith("MalformedMessageError: " + expectedStart);
                    }));
  }

  private static Message prototypeOf(String typeName) {
    return WireSamples.all().stream()
        .map(SampleCase::message)
        .filter(m -> m.getDescriptorForType().getFullName().equals(typeName))
        .findFirst()
        .map(Message::getDefaultInstanceForType)
        .orElseThrow(() -> new IllegalArgumentException("no sample of " + typeName));
  }

  private static String tsResult(String relativePath) throws IOException {
    Path file = TS_DIR.resolve(relativePath);
    assertThat(file).as("TypeScript wrote no %s; its output:%n%s", file, nodeOutput).exists();
    return Files.readString(file, UTF_8).strip();
  }

  private static void runTypeScriptCheck() throws IOException, InterruptedException {
    String node = System.getProperty("wire.node", "node");
    Path script =
        Path.of(System.getProperty("wire.tsBuild", "target/ts-build"))
            .resolve("src/test/ts/cross-language-check.js");
    Path log = WORK_DIR.resolve("node-output.txt");

    Process process =
        new ProcessBuilder(node, script.toString(), WORK_DIR.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      nodeExitCode = -1;
      nodeOutput = "(killed after " + NODE_TIMEOUT_SECONDS + " s)\n" + Files.readString(log, UTF_8);
      return;
    }
    nodeExitCode = process.exitValue();
    nodeOutput = Files.readString(log, UTF_8);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
