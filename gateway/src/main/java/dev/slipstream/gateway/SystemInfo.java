package dev.slipstream.gateway;

import java.time.Instant;
import java.util.List;

/**
 * What this Slipstream process is, for operators and the web app's status view.
 *
 * @param version the build version
 * @param startedAt when the process started serving
 * @param roles the roles this process runs (media, vision, markets, ledger, gateway)
 * @param database what the database is (kind, version, where)
 * @param bus what the state and event bus is (in-process or Redis, where)
 */
public record SystemInfo(
    String version, Instant startedAt, List<String> roles, String database, String bus) {
  /** Copies the role list. */
  public SystemInfo {
    roles = List.copyOf(roles);
  }
}
