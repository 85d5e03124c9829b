package dev.slipstream.server;

import dev.slipstream.server.config.Setting;
import dev.slipstream.server.config.Settings;
import java.io.PrintStream;

/** The text of {@code slipstream --help}: commands, then every setting. */
final class Help {
  private Help() {}

  static void print(PrintStream out) {
    out.println(
        """

        Platform commands:
          demo             every role in one process on embedded defaults; prints the URL
          run              the roles named by --roles (default all), for one process of many
          config           print the effective configuration and where each value came from
          --version        print the version
          --help           this text

        Settings (flag > environment > config file > default):""");
    for (Setting s : Settings.ALL) {
      out.printf(
          "  %-28s %-34s %s%n      allowed: %s; default: %s%n",
          s.flagName(),
          s.envName(),
          s.description(),
          s.allowed(),
          s.defaultValue().isEmpty() ? "(not set)" : s.defaultValue());
    }
  }
}
