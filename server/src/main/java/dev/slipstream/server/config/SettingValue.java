package dev.slipstream.server.config;

import java.nio.file.Path;

/**
 * A setting's value and the source it came from, so that an error can name the setting the way the
 * user wrote it.
 *
 * @param setting the setting
 * @param value the raw text
 * @param source where it came from
 */
public record SettingValue(Setting setting, String value, Source source) {

  /** Where a value came from, highest precedence first. */
  public sealed interface Source {
    /** Given as a command-line flag. */
    record Flag() implements Source {}

    /** Given as a {@code SLIPSTREAM_*} environment variable. */
    record Environment() implements Source {}

    /**
     * Read from the configuration file.
     *
     * @param file the file
     */
    record File(Path file) implements Source {}

    /** Nobody set it: the built-in default. */
    record Default() implements Source {}
  }

  /** Returns how the user wrote it, e.g. {@code SLIPSTREAM_HTTP_PORT=70000}; secrets masked. */
  public String label() {
    boolean secret =
        setting.equals(Settings.DATABASE_PASSWORD)
            || setting.equals(Settings.JWT_SECRETS)
            || setting.equals(Settings.PAYMENTS_WEBHOOK_SECRET)
            || setting.equals(Settings.PRIVACY_DATA_KEYS)
            || setting.equals(Settings.PRIVACY_INDEX_KEY)
            || setting.equals(Settings.TLS_PASSWORD);
    String shown = secret && !value.isEmpty() ? "***" : value;
    return switch (source) {
      case Source.Flag f -> setting.flagName() + "=" + shown;
      case Source.Environment e -> setting.envName() + "=" + shown;
      case Source.File f -> setting.key() + "=" + shown + " (in " + f.file() + ")";
      case Source.Default d -> setting.key() + "=" + shown + " (default)";
    };
  }

  /** Returns the error for this value: its label, then what is wrong or allowed. */
  public ConfigException invalid(String problem) {
    return new ConfigException(label() + ": " + problem);
  }
}
