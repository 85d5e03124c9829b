package dev.slipstream.server.config;

import java.util.Locale;

/**
 * One setting of Slipstream, as a person meets it: a key used in the optional configuration file,
 * and the derived environment variable and command-line flag.
 *
 * @param key the file key, lower case with dots, e.g. {@code http.port}
 * @param defaultValue the value when no source sets it; empty means "not set"
 * @param allowed what values are accepted, in words (shown in help and errors)
 * @param description what it does, one sentence
 */
public record Setting(String key, String defaultValue, String allowed, String description) {

  /** Returns the environment variable, e.g. {@code SLIPSTREAM_HTTP_PORT}. */
  public String envName() {
    return "SLIPSTREAM_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  /** Returns the command-line flag, e.g. {@code --http-port}. */
  public String flagName() {
    return "--" + key.replace('.', '-');
  }
}
