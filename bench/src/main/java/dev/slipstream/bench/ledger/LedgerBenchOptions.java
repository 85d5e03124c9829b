package dev.slipstream.bench.ledger;

import java.util.List;
import java.util.Optional;

/**
 * The options of {@code ./slipstream bench ledger}.
 *
 * @param databaseUrl an external PostgreSQL to use; empty starts an embedded one in a temporary
 *     folder
 * @param clients concurrent clients, each waiting for its transfer's commit before the next
 * @param wallets player wallets the transfers move money between
 * @param durationSeconds how long the measured part runs
 * @param warmupSeconds how long the clients run before measuring starts
 * @param maxBatchSize the ledger writer's batch limit
 * @param betShare the percentage of client operations that are bets (a hold, then its post) instead
 *     of plain transfers
 * @param audit whether the database's audit triggers run (off only to measure what they cost, and
 *     only on the throw-away embedded database)
 */
record LedgerBenchOptions(
    Optional<String> databaseUrl,
    int clients,
    int wallets,
    int durationSeconds,
    int warmupSeconds,
    int maxBatchSize,
    int betShare,
    boolean audit) {

  static final String USAGE =
      """
      Usage: ./slipstream bench ledger [options]
        --database-url=jdbc:postgresql://...  use this PostgreSQL (default: embedded, throw-away)
        --clients=512        concurrent clients, each waiting for its commit
        --wallets=10000      player wallets money moves between
        --duration-s=25      measured seconds
        --warmup-s=5         seconds run before measuring
        --batch=1000         the writer's most requests per transaction
        --bet-pct=0          share of operations that are bets (hold + post), 0 to 100
        --audit=on           off disables the audit triggers to measure their cost
                             (embedded database only)""";

  /** Parses {@code --name=value} arguments, failing with a message that names the option. */
  static LedgerBenchOptions parse(List<String> args) {
    Optional<String> url = Optional.empty();
    int clients = 512;
    int wallets = 10_000;
    int duration = 25;
    int warmup = 5;
    int batch = 1_000;
    int bets = 0;
    boolean audit = true;
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      String value = eq < 0 ? "" : arg.substring(eq + 1);
      switch (name) {
        case "--database-url" -> url = Optional.of(value);
        case "--clients" -> clients = positive(name, value);
        case "--wallets" -> wallets = positive(name, value);
        case "--duration-s" -> duration = positive(name, value);
        case "--warmup-s" -> warmup = Integer.parseInt(value);
        case "--batch" -> batch = positive(name, value);
        case "--bet-pct" -> bets = Integer.parseInt(value);
        case "--audit" -> audit = onOff(name, value);
        default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
      }
    }
    if (wallets < 2) {
      throw new IllegalArgumentException("--wallets must be at least 2 (was " + wallets + ")");
    }
    if (bets < 0 || bets > 100) {
      throw new IllegalArgumentException("--bet-pct must be 0 to 100 (was " + bets + ")");
    }
    if (!audit && url.isPresent()) {
      throw new IllegalArgumentException(
          "--audit=off only runs on the throw-away embedded database, not on --database-url");
    }
    return new LedgerBenchOptions(url, clients, wallets, duration, warmup, batch, bets, audit);
  }

  private static boolean onOff(String name, String value) {
    return switch (value) {
      case "on" -> true;
      case "off" -> false;
      default ->
          throw new IllegalArgumentException(name + " must be on or off (was " + value + ")");
    };
  }

  private static int positive(String name, String value) {
    try {
      int parsed = Integer.parseInt(value);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw new IllegalArgumentException(
        name + " must be a positive whole number (was " + value + ")");
  }
}
