package dev.slipstream.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Collects each setting's raw value from flags, then the environment, then the optional file, then
 * the default: the first source that sets a value wins. Unknown flags, unknown {@code SLIPSTREAM_*}
 * variables and unknown file keys are errors, so a typo never passes silently.
 */
final class ConfigSources {
  private ConfigSources() {}

  static Map<Setting, SettingValue> collect(
      List<String> flags, Map<String, String> env, Path workingDirectory) {
    Map<Setting, String> fromFlags = parseFlags(flags);
    Map<Setting, String> fromEnv = parseEnvironment(env);
    Map<Setting, SettingValue> values = new LinkedHashMap<>();
    Optional<SettingValue> configFile =
        pick(Settings.CONFIG, fromFlags, fromEnv, Map.of(), null).filter(v -> !v.value().isBlank());
    Map<Setting, String> fromFile = Map.of();
    Path file = null;
    if (configFile.isPresent()) {
      file = workingDirectory.resolve(configFile.get().value()).normalize();
      fromFile = readFile(configFile.get(), file);
    }
    for (Setting setting : Settings.ALL) {
      SettingValue value =
          pick(setting, fromFlags, fromEnv, fromFile, file)
              .orElse(
                  new SettingValue(
                      setting, setting.defaultValue(), new SettingValue.Source.Default()));
      values.put(setting, value);
    }
    return values;
  }

  private static Optional<SettingValue> pick(
      Setting setting,
      Map<Setting, String> flags,
      Map<Setting, String> env,
      Map<Setting, String> file,
      Path filePath) {
    if (flags.containsKey(setting)) {
      return Optional.of(
          new SettingValue(setting, flags.get(setting), new SettingValue.Source.Flag()));
    }
    if (env.containsKey(setting)) {
      return Optional.of(
          new SettingValue(setting, env.get(setting), new SettingValue.Source.Environment()));
    }
    if (file.containsKey(setting)) {
      return Optional.of(
          new SettingValue(setting, file.get(setting), new SettingValue.Source.File(filePath)));
    }
    return Optional.empty();
  }

  private static Map<Setting, String> parseFlags(List<String> flags) {
    Map<Setting, String> values = new LinkedHashMap<>();
    for (int i = 0; i < flags.size(); i++) {
      String arg = flags.get(i);
      if (!arg.startsWith("--")) {
        throw new ConfigException(
            "unexpected argument " + arg + ": settings are given as --name=value");
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      Setting setting =
          Settings.ALL.stream()
              .filter(s -> s.flagName().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "unknown setting " + name + ": ./slipstream --help lists them"));
      String value;
      if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < flags.size() && !flags.get(i + 1).startsWith("--")) {
        value = flags.get(++i);
      } else {
        throw new ConfigException(
            name + " needs a value: " + name + "=<" + setting.allowed() + ">");
      }
      values.put(setting, value);
    }
    return values;
  }

  private static Map<Setting, String> parseEnvironment(Map<String, String> env) {
    Map<Setting, String> values = new LinkedHashMap<>();
    env.forEach(
        (name, value) -> {
          if (!name.startsWith("SLIPSTREAM_") || Settings.LAUNCHER_ONLY.contains(name)) {
            return;
          }
          Setting setting =
              Settings.ALL.stream()
                  .filter(s -> s.envName().equals(name))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new ConfigException(
                              "unknown setting "
                                  + name
                                  + " in the environment: ./slipstream --help lists them"));
          values.put(setting, value);
        });
    return values;
  }

  private static Map<Setting, String> readFile(SettingValue source, Path file) {
    if (!Files.isRegularFile(file)) {
      throw source.invalid("no such file " + file);
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw source.invalid("cannot read it as a properties file: " + e.getMessage());
    }
    Map<Setting, String> values = new LinkedHashMap<>();
    for (String key : properties.stringPropertyNames()) {
      Setting setting =
          Settings.byKey(key)
              .filter(s -> !s.equals(Settings.CONFIG))
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "unknown setting "
                              + key
                              + " in "
                              + file
                              + ": ./slipstream --help lists them"));
      values.put(setting, properties.getProperty(key).strip());
    }
    return values;
  }
}
