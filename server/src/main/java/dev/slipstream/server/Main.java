package dev.slipstream.server;

import dev.slipstream.gateway.GatewayStartException;
import dev.slipstream.media.sfu.MediaStartException;
import dev.slipstream.platform.db.DatabaseUnavailableException;
import dev.slipstream.platform.state.SharedStateUnavailableException;
import dev.slipstream.server.config.ConfigException;
import dev.slipstream.server.config.Role;
import dev.slipstream.server.config.SettingValue;
import dev.slipstream.server.config.SlipstreamConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code slipstream} command line: parses the command and settings, starts the roles, waits for
 * Ctrl-C and shuts down cleanly. Every failure a user can cause prints one line naming what is
 * wrong, never a stack trace.
 */
public final class Main {
  private static final int EXIT_FAILED = 1;
  private static final int EXIT_USAGE = 2;

  private Main() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.getenv(), System.out, System.err));
  }

  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    String command = args.isEmpty() ? "--help" : args.getFirst();
    List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
    try {
      return switch (command) {
        case "demo" -> serve(load(rest, env), EnumSet.allOf(Role.class), true, out);
        case "run" -> {
          SlipstreamConfig config = load(rest, env);
          yield serve(config, config.roles(), false, out);
        }
        case "config" -> printConfig(load(rest, env), out);
        case "--version", "version" -> {
          out.println("slipstream " + version());
          yield 0;
        }
        case "--help", "-h", "help" -> {
          Help.print(out);
          yield 0;
        }
        default -> {
          err.println(
              "slipstream: unknown command "
                  + command
                  + ": ./slipstream --help lists the commands");
          yield EXIT_USAGE;
        }
      };
    } catch (ConfigException e) {
      err.println("slipstream: " + e.getMessage());
      return EXIT_USAGE;
    } catch (DatabaseUnavailableException
        | GatewayStartException
        | MediaStartException
        | SharedStateUnavailableException e) {
      err.println("slipstream: " + e.getMessage());
      return EXIT_FAILED;
    }
  }

  private static SlipstreamConfig load(List<String> flags, Map<String, String> env) {
    Path cwd = Path.of("").toAbsolutePath();
    Path home = Path.of(System.getProperty("slipstream.home", cwd.toString())).toAbsolutePath();
    SlipstreamConfig config = SlipstreamConfig.load(flags, env, cwd, home);
    LogLevels.apply(config.logLevel());
    return config;
  }

  private static int serve(
      SlipstreamConfig config, Set<Role> roles, boolean demo, PrintStream out) {
    CountDownLatch stop = new CountDownLatch(1);
    ShutdownSignals.onStop(stop::countDown);
    try (SlipstreamNode node = SlipstreamNode.start(config, roles, demo, Clock.systemUTC())) {
      out.println(node.summary());
      out.println("Press Ctrl-C to stop.");
      out.flush();
      stop.await();
      out.println("slipstream: stopping");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.println("slipstream: stopped");
    return 0;
  }

  private static int printConfig(SlipstreamConfig config, PrintStream out) {
    out.println("Effective configuration (value, and where it came from):");
    for (SettingValue value :
        config.values().values().stream()
            .sorted((a, b) -> a.setting().key().compareTo(b.setting().key()))
            .toList()) {
      out.println("  " + value.label());
    }
    out.println("  roles resolved: " + Arrays.toString(config.roles().toArray()));
    out.println("  data directory: " + config.dataDirectory());
    return 0;
  }

  static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }
}
