package dev.slipstream.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseIT {
  @TempDir Path folder;

  @Test
  void anEmbeddedDatabaseKeepsItsDataAcrossARestart() throws SQLException {
    SchemaMigration notes = new SchemaMigration("dbtest", "classpath:db/dbtest");
    try (Database db = Database.open(new DatabaseLocation.Embedded(folder), 4, null)) {
      assertThat(db.description()).startsWith("embedded PostgreSQL 18.");
      assertThat(db.health().up()).isTrue();
      assertThat(queryString(db, "SHOW fsync")).as("commits reach the disk").isEqualTo("on");
      assertThat(queryString(db, "SHOW synchronous_commit")).isEqualTo("on");
      db.migrate(List.of(notes));
      execute(db, "INSERT INTO dbtest.notes (body) VALUES ('kept')");
    }
    try (Database db = Database.open(new DatabaseLocation.Embedded(folder), 4, null)) {
      db.migrate(List.of(notes));
      assertThat(queryString(db, "SELECT string_agg(body, ',') FROM dbtest.notes"))
          .isEqualTo("kept");
    }
  }

  @Test
  void aSecondOwnerOfTheSameDataDirectoryIsRefusedWithAClearMessage() {
    try (Database first = Database.open(new DatabaseLocation.Embedded(folder), 2, null)) {
      assertThatThrownBy(() -> Database.open(new DatabaseLocation.Embedded(folder), 2, null))
          .isInstanceOf(DatabaseUnavailableException.class)
          .hasMessageContaining(folder.toString())
          .hasMessageContaining("in use by another Slipstream process");
      assertThat(first.health().up()).isTrue();
    }
  }

  @Test
  void anExternalDatabaseIsMigratedIntoItsOwnSchema() throws SQLException {
    DatabaseLocation.External local = LocalPostgres.requireRunning();
    String schema = "dbtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Database db = Database.open(local, 2, null)) {
      try {
        assertThat(db.description()).startsWith("external PostgreSQL ");
        db.migrate(List.of(new SchemaMigration(schema, "classpath:db/dbtest")));
        execute(db, "INSERT INTO " + schema + ".notes (body) VALUES ('external')");
        assertThat(queryString(db, "SELECT body FROM " + schema + ".notes")).isEqualTo("external");
      } finally {
        execute(db, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  @Test
  void anUnreachableExternalDatabaseSaysWhereAndWhy() {
    var nowhere =
        new DatabaseLocation.External(
            "jdbc:postgresql://127.0.0.1:1/slipstream?user=x&password=secret", "", "");
    assertThatThrownBy(() -> Database.open(nowhere, 2, null))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageStartingWith(
            "cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/slipstream")
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("secret")
        .hasMessageContaining("refused");
  }

  @Test
  void aUrlThatIsNotPostgresIsRejected() {
    assertThatThrownBy(() -> new DatabaseLocation.External("jdbc:mysql://x/y", "", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("database URL must start with jdbc:postgresql: (was jdbc:mysql://x/y)");
  }

  private static void execute(Database db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String queryString(Database db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
