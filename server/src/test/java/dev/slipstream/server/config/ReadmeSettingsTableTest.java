package dev.slipstream.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's configuration table lists exactly the settings the server reads. */
class ReadmeSettingsTableTest {
  private static final Pattern ROW =
      Pattern.compile("^\\| `(SLIPSTREAM_[A-Z_]+)` \\| (`--[a-z-]+`|—) \\|");

  @Test
  void everySettingHasOneRowWithItsFlagAndNoRowIsStale() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("../README.md"));
    List<String> documented =
        lines.stream()
            .map(ROW::matcher)
            .filter(Matcher::find)
            .map(m -> m.group(1) + " " + m.group(2))
            .toList();

    List<String> expected =
        Settings.ALL.stream().map(s -> s.envName() + " `" + s.flagName() + "`").toList();
    List<String> launcher = Settings.LAUNCHER_ONLY.stream().map(name -> name + " —").toList();

    assertThat(documented)
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.Stream.concat(expected.stream(), launcher.stream()).toList());
  }
}
