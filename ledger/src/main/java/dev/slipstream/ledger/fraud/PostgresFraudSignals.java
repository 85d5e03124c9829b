package dev.slipstream.ledger.fraud;

import dev.slipstream.ledger.LedgerUnavailableException;
import dev.slipstream.platform.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Fraud signals on PostgreSQL. Each rule is one {@code INSERT … SELECT … ON CONFLICT DO NOTHING}
 * ({@link RuleQueries}), so the evidence is gathered from the same snapshot that decided the flag,
 * and two nodes running the same rule at once raise it once.
 */
final class PostgresFraudSignals implements FraudSignals {
  private static final int MAX_PAGE = 200;
  private static final String CURSOR_PREFIX = "f:";

  private final DataSource dataSource;
  private final InstantSource clock;
  private final FraudRules rules;

  PostgresFraudSignals(DataSource dataSource, InstantSource clock, FraudRules rules) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  @Override
  public void recordSighting(
      String subject,
      SightingEvent event,
      @Nullable String deviceRef,
      @Nullable String addressRef) {
    if (deviceRef == null && addressRef == null) {
      return;
    }
    requireFingerprint(deviceRef);
    requireFingerprint(addressRef);
    run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO ledger.sightings (subject, event, device_ref, address_ref, seen_at)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, subject);
            s.setString(2, event.wireName());
            s.setString(3, deviceRef);
            s.setString(4, addressRef);
            s.setObject(5, timestamp(clock.instant()));
            s.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<FraudFlag> check(String subject) {
    return runRules(Objects.requireNonNull(subject, "subject"));
  }

  @Override
  public List<FraudFlag> scan() {
    return runRules(null);
  }

  private List<FraudFlag> runRules(@Nullable String subject) {
    Instant now = clock.instant();
    return run(
        c -> {
          try (var st = c.createStatement()) {
            st.execute("SET LOCAL search_path TO ledger");
          }
          List<FraudFlag> raised = new ArrayList<>();
          long hour = now.truncatedTo(ChronoUnit.HOURS).getEpochSecond();
          long minute = now.truncatedTo(ChronoUnit.MINUTES).getEpochSecond();
          raised.addAll(
              velocity(
                  c,
                  RuleQueries.DEPOSIT_VELOCITY,
                  "hour:" + hour,
                  rules.depositsPerHour(),
                  now,
                  Duration.ofHours(1),
                  subject));
          raised.addAll(
              velocity(
                  c,
                  RuleQueries.BET_VELOCITY,
                  "minute:" + minute,
                  rules.betsPerMinute(),
                  now,
                  Duration.ofMinutes(1),
                  subject));
          raised.addAll(
              shared(
                  c,
                  RuleQueries.shared("shared_device", "device_ref", "device:", "deviceRef"),
                  rules.accountsPerDevice(),
                  now));
          raised.addAll(
              shared(
                  c,
                  RuleQueries.shared("shared_address", "address_ref", "address:", "addressRef"),
                  rules.accountsPerAddress(),
                  now));
          try (PreparedStatement s = c.prepareStatement(RuleQueries.CHARGEBACK_HISTORY)) {
            s.setObject(1, timestamp(now));
            s.setString(2, subject);
            s.setString(3, subject);
            raised.addAll(flags(s));
          }
          return raised;
        });
  }

  private static List<FraudFlag> velocity(
      Connection c,
      String sql,
      String dedupeKey,
      int limit,
      Instant now,
      Duration window,
      @Nullable String subject)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, dedupeKey);
      s.setInt(2, limit);
      s.setObject(3, timestamp(now));
      s.setObject(4, timestamp(now.minus(window)));
      s.setObject(5, timestamp(now));
      s.setString(6, subject);
      s.setString(7, subject);
      s.setInt(8, limit);
      return flags(s);
    }
  }

  private List<FraudFlag> shared(Connection c, String sql, int limit, Instant now)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, timestamp(now.minus(rules.sharingWindow())));
      s.setInt(2, limit);
      s.setInt(3, limit);
      s.setObject(4, timestamp(now));
      return flags(s);
    }
  }

  @Override
  public FlagPage flags(Optional<String> cursor, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidInputException(
          "invalid_limit", "limit must be 1 to " + MAX_PAGE + " (was " + limit + ")");
    }
    long before = cursor.map(PostgresFraudSignals::decode).orElse(Long.MAX_VALUE);
    List<FraudFlag> page =
        run(
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT id, rule, subject, evidence::text AS evidence, raised_at"
                          + " FROM ledger.fraud_flags WHERE id < ? ORDER BY id DESC LIMIT ?")) {
                s.setLong(1, before);
                s.setInt(2, limit + 1);
                return flags(s);
              }
            });
    if (page.size() <= limit) {
      return new FlagPage(page, Optional.empty());
    }
    List<FraudFlag> shown = page.subList(0, limit);
    return new FlagPage(shown, Optional.of(encode(shown.getLast().id())));
  }

  @Override
  public List<FraudFlag> flagsAbout(String subject) {
    return run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT id, rule, subject, evidence::text AS evidence, raised_at"
                      + " FROM ledger.fraud_flags WHERE subject = ? ORDER BY id")) {
            s.setString(1, subject);
            return flags(s);
          }
        });
  }

  @Override
  public List<Sighting> sightings(String subject) {
    return run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT event, device_ref, address_ref, seen_at FROM ledger.sightings"
                      + " WHERE subject = ? ORDER BY id")) {
            s.setString(1, subject);
            List<Sighting> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                found.add(
                    new Sighting(
                        SightingEvent.valueOf(
                            rs.getString("event").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("device_ref"),
                        rs.getString("address_ref"),
                        rs.getObject("seen_at", OffsetDateTime.class).toInstant()));
              }
            }
            return found;
          }
        });
  }

  @Override
  public int forget(String subject) {
    return run(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM ledger.sightings WHERE subject = ?")) {
            s.setString(1, subject);
            return s.executeUpdate();
          }
        });
  }

  private static List<FraudFlag> flags(PreparedStatement s) throws SQLException {
    List<FraudFlag> found = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        found.add(
            new FraudFlag(
                rs.getLong("id"),
                FraudRule.of(rs.getString("rule")),
                rs.getString("subject"),
                rs.getString("evidence"),
                rs.getObject("raised_at", OffsetDateTime.class).toInstant()));
      }
    }
    return found;
  }

  private static void requireFingerprint(@Nullable String ref) {
    if (ref != null && (ref.isEmpty() || ref.length() > 128)) {
      throw new InvalidInputException(
          "invalid_fingerprint", "a device or address fingerprint must be 1 to 128 characters");
    }
  }

  private static String encode(long id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((CURSOR_PREFIX + id).getBytes(StandardCharsets.US_ASCII));
  }

  private static long decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (text.startsWith(CURSOR_PREFIX)) {
        long id = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
        if (id > 0) {
          return id;
        }
      }
    } catch (IllegalArgumentException e) {
      // the refusal below
    }
    throw new InvalidInputException(
        "invalid_cursor", "cursor " + cursor + " is not one this server gave out");
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T run(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new LedgerUnavailableException("fraud signals database failed: " + e.getMessage(), e);
    }
  }
}
