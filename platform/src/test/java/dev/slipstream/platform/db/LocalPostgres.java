package dev.slipstream.platform.db;

import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's own PostgreSQL (127.0.0.1:5432, database {@code test}, trust authentication), used
 * by tests of the external-database path. When it is unreachable, tests fail on CI ({@code
 * CI=true}) and are skipped elsewhere with a visible notice.
 */
public final class LocalPostgres {
  /** The JDBC URL of the local test database. */
  public static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private LocalPostgres() {}

  /** Returns the local database's location, or skips (fails on CI) when it is not running. */
  public static DatabaseLocation.External requireRunning() {
    boolean reachable;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
      reachable = true;
    } catch (java.io.IOException e) {
      reachable = false;
    }
    if (!reachable) {
      String notice = "no PostgreSQL on 127.0.0.1:5432: external-database test not run";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(notice + " (CI=true requires it)");
      }
      System.err.println("NOTICE: " + notice);
      Assumptions.abort(notice);
    }
    return new DatabaseLocation.External(JDBC_URL, "", "");
  }
}
