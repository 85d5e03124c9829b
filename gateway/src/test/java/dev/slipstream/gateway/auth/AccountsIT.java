package dev.slipstream.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipstream.gateway.auth.AuthSettings.PasswordCost;
import dev.slipstream.platform.UnauthorizedException;
import dev.slipstream.platform.db.Database;
import dev.slipstream.platform.db.TestDatabase;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Accounts against the real database: hash upgrades, the configured admin, shared keys, races. */
class AccountsIT {
  private static final String PASSWORD = "Tartan-Hurdles-42";
  private final Database db = TestDatabase.embedded();

  @BeforeEach
  void clean() throws Exception {
    db.migrate(List.of(AuthServices.MIGRATION));
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "TRUNCATE gateway.users, gateway.login_failures, gateway.sessions,"
              + " gateway.refresh_tokens, gateway.signing_keys, gateway.stream_access CASCADE");
    }
  }

  private AuthServices start(AuthSettings settings) {
    return AuthServices.start(db.dataSource(), settings, Clock.systemUTC(), new SecureRandom());
  }

  @Test
  void aSignOutOnOneNodeEndsTheSessionThereAtOnceAndOnEveryOtherNodeWithinASecond() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    InstantSource clock = now::get;
    AuthServices a = AuthServices.start(db.dataSource(), fast(), clock, new SecureRandom());
    AuthServices b = AuthServices.start(db.dataSource(), fast(), clock, new SecureRandom());
    a.accounts().register("nell@example.com", PASSWORD, "Nell");
    SignedIn leaving = a.accounts().login("nell@example.com", PASSWORD);
    SignedIn staying = a.accounts().login("nell@example.com", PASSWORD);
    // both nodes have seen the session active, so both remember it
    assertThat(a.accounts().authenticate(leaving.accessToken()).sessionId())
        .isEqualTo(b.accounts().authenticate(leaving.accessToken()).sessionId());

    a.accounts().logout(leaving.refreshToken());

    assertEnded(a, leaving);
    now.set(now.get().plus(ActiveSessions.POLL).plusMillis(1));
    assertEnded(b, leaving);
    assertThat(b.accounts().authenticate(staying.accessToken()).userId())
        .isEqualTo(leaving.account().id());

    // erasure on b ends the other session on b at once, and on a within a second
    b.accounts().erase(leaving.account().id(), PASSWORD);
    assertEnded(b, staying);
    now.set(now.get().plus(ActiveSessions.POLL).plusMillis(1));
    assertEnded(a, staying);
  }

  private static void assertEnded(AuthServices node, SignedIn session) {
    assertThatThrownBy(() -> node.accounts().authenticate(session.accessToken()))
        .isInstanceOfSatisfying(
            UnauthorizedException.class, e -> assertThat(e.code()).isEqualTo("session_ended"));
  }

  private static AuthSettings fast() {
    return AuthSettings.defaults().withPasswordCost(new PasswordCost(4096, 1, 1));
  }

  @Test
  void aHashMadeAtAnOlderCostIsRedoneAtTheNextSignIn() throws Exception {
    AuthServices old =
        start(AuthSettings.defaults().withPasswordCost(new PasswordCost(4096, 1, 1)));
    Account account = old.accounts().register("gus@example.com", PASSWORD, "Gus");
    assertThat(storedHash(account.id())).startsWith("$argon2id$v=19$m=4096,t=1,p=1$");

    AuthServices today = start(AuthSettings.defaults());
    today.accounts().login("gus@example.com", PASSWORD);

    String upgraded = storedHash(account.id());
    assertThat(upgraded).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(today.accounts().login("gus@example.com", PASSWORD).account().id())
        .isEqualTo(account.id());
    assertThat(storedHash(account.id())).as("not redone again").isEqualTo(upgraded);
  }

  @Test
  void theConfiguredAdminEmailIsPromotedWhenItRegistersOrAtStart() {
    AuthServices plain = start(AuthSettings.defaults());
    Account early = plain.accounts().register("boss@example.com", PASSWORD, "Boss");
    assertThat(early.roles()).doesNotContain(Role.ADMIN);

    AuthServices configured =
        start(AuthSettings.defaults().withAdminEmail(Optional.of(" Boss@Example.com")));
    assertThat(configured.accounts().account(early.id()).roles())
        .contains(Role.ADMIN, Role.VIEWER, Role.BETTOR);
    assertThat(configured.accounts().register("other@example.com", PASSWORD, "O").roles())
        .containsExactlyInAnyOrder(Role.VIEWER, Role.BETTOR);
  }

  @Test
  void aGeneratedKeyIsKeptSoEveryNodeAndRestartAcceptsTheSameTokens() {
    AuthServices first = start(AuthSettings.defaults());
    first.accounts().register("hal@example.com", PASSWORD, "Hal");
    SignedIn session = first.accounts().login("hal@example.com", PASSWORD);

    AuthServices second = start(AuthSettings.defaults());
    assertThat(second.accounts().authenticate(session.accessToken()).userId())
        .isEqualTo(session.account().id());
    AuthServices configured =
        start(
            AuthSettings.defaults()
                .withJwtSecrets(List.of("a-configured-secret-of-32-bytes-or-more")));
    assertThatThrownBy(() -> configured.accounts().authenticate(session.accessToken()))
        .isInstanceOfSatisfying(
            UnauthorizedException.class, e -> assertThat(e.code()).isEqualTo("invalid_token"));
  }

  @Test
  void twoRefreshesWithOneTokenAtOnceLeaveOneWinnerAndRevokeTheFamily() throws Exception {
    AuthServices auth = start(AuthSettings.defaults());
    auth.accounts().register("ivy@example.com", PASSWORD, "Ivy");
    for (int round = 0; round < 5; round++) {
      SignedIn session = auth.accounts().login("ivy@example.com", PASSWORD);
      CountDownLatch go = new CountDownLatch(1);
      Callable<Object> refresh =
          () -> {
            go.await();
            try {
              return auth.accounts().refresh(session.refreshToken());
            } catch (UnauthorizedException e) {
              return e.code();
            }
          };
      List<Object> outcomes = new ArrayList<>();
      try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
        Future<Object> a = pool.submit(refresh);
        Future<Object> b = pool.submit(refresh);
        go.countDown();
        outcomes.add(a.get());
        outcomes.add(b.get());
      }
      assertThat(outcomes).filteredOn(SignedIn.class::isInstance).hasSize(1);
      assertThat(outcomes).contains("refresh_token_reused");
      SignedIn winner =
          (SignedIn) outcomes.stream().filter(SignedIn.class::isInstance).findFirst().orElseThrow();
      assertThatThrownBy(() -> auth.accounts().refresh(winner.refreshToken()))
          .isInstanceOfSatisfying(
              UnauthorizedException.class,
              e -> assertThat(e.code()).isEqualTo("refresh_token_revoked"));
    }
  }

  private String storedHash(String userId) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT password_hash FROM gateway.users WHERE id = ?")) {
      s.setString(1, userId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
