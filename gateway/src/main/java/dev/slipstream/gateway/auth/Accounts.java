package dev.slipstream.gateway.auth;

import dev.slipstream.gateway.privacy.PiiCipher;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import dev.slipstream.platform.UnauthorizedException;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Accounts and sign-in: registration, password sign-in with backoff, refresh-token rotation,
 * sign-out, access-token checks and role grants.
 *
 * <p>Sign-in costs one Argon2id hash whether or not the email has an account (an unknown email is
 * checked against a dummy hash), so response times do not tell which emails are registered.
 */
public final class Accounts {
  private static final Pattern USER_ID = Pattern.compile("usr_[a-z0-9]{16}");

  /** What new accounts may do. */
  public static final Set<Role> NEW_ACCOUNT_ROLES = Set.of(Role.VIEWER, Role.BETTOR);

  private final AuthSettings settings;
  private final UserStore users;
  private final LoginThrottle throttle;
  private final RefreshSessions sessions;
  private final JwtTokens tokens;
  private final Argon2idHasher hasher;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final String dummyHash;
  private final PiiCipher cipher;

  Accounts(
      AuthSettings settings,
      UserStore users,
      LoginThrottle throttle,
      RefreshSessions sessions,
      JwtTokens tokens,
      Argon2idHasher hasher,
      InstantSource clock,
      RandomGenerator random,
      PiiCipher cipher) {
    this.cipher = cipher;
    this.settings = settings;
    this.users = users;
    this.throttle = throttle;
    this.sessions = sessions;
    this.tokens = tokens;
    this.hasher = hasher;
    this.clock = clock;
    this.random = random;
    this.dummyHash = hasher.hash("not a password anyone has: " + random.nextLong());
  }

  /**
   * Registers an account with {@link #NEW_ACCOUNT_ROLES} (and admin for the configured admin
   * email).
   *
   * @throws InvalidInputException {@code invalid_email}, {@code invalid_display_name} or a password
   *     rule's code (see {@link PasswordPolicy})
   * @throws dev.slipstream.platform.ConflictException {@code email_taken}
   */
  public Account register(String email, String password, String displayName) {
    String normalised = Emails.require(email);
    String name = displayName(displayName);
    PasswordPolicy.check(password, normalised);
    Set<Role> roles = EnumSet.copyOf(NEW_ACCOUNT_ROLES);
    if (settings.adminEmail().filter(normalised::equals).isPresent()) {
      roles.add(Role.ADMIN);
    }
    Account account =
        new Account(Ids.next("usr", random), normalised, name, roles, clock.instant());
    users.insert(account, hasher.hash(password));
    return account;
  }

  /**
   * Signs in with email and password and opens a session.
   *
   * @throws InvalidInputException {@code invalid_email} when the email is not an address at all
   * @throws UnauthorizedException {@code invalid_credentials} for a wrong email or password alike
   * @throws TooManyAttemptsException while the email is locked after repeated failures
   */
  public SignedIn login(String email, String password) {
    if (email == null || password == null || password.length() > 4 * PasswordPolicy.MAX_LENGTH) {
      throw wrongCredentials();
    }
    String normalised = Emails.require(email);
    // Failures are counted per blind index, so the throttle's table holds no email either.
    String throttled = cipher.emailIndex(normalised);
    throttle.check(throttled);
    Optional<UserStore.StoredUser> user = users.byEmail(normalised);
    boolean matches =
        hasher.verify(password, user.map(UserStore.StoredUser::passwordHash).orElse(dummyHash));
    if (user.isEmpty() || !matches) {
      throttle.failed(throttled);
      throw wrongCredentials();
    }
    throttle.succeeded(throttled);
    Account account = user.get().account();
    if (hasher.needsUpgrade(user.get().passwordHash())) {
      users.updatePasswordHash(account.id(), hasher.hash(password));
    }
    String sessionId = Ids.next("ses", random);
    return signedIn(account, sessionId, sessions.open(account.id(), sessionId));
  }

  /**
   * Trades a refresh token for a new access token and a new refresh token; the roles are read
   * afresh, so grants take effect here.
   *
   * @throws UnauthorizedException see {@link RefreshSessions#rotate}
   */
  public SignedIn refresh(String refreshToken) {
    RefreshSessions.Rotated rotated = sessions.rotate(refreshToken);
    Account account =
        users
            .byId(rotated.userId())
            .orElseThrow(
                () -> new UnauthorizedException("invalid_refresh_token", "the account is gone"))
            .account();
    return signedIn(account, rotated.sessionId(), rotated.next());
  }

  /** Ends the session {@code refreshToken} belongs to; unknown tokens change nothing. */
  public void logout(String refreshToken) {
    if (refreshToken != null) {
      sessions.revoke(refreshToken);
    }
  }

  /**
   * Checks an access token and that its session is still open (so sign-out and detected reuse take
   * effect at once, not when the token expires).
   *
   * @throws UnauthorizedException {@code invalid_token}, {@code token_expired} or {@code
   *     session_ended}
   */
  public Caller authenticate(String accessToken) {
    Caller caller = tokens.verifyAccess(accessToken);
    if (!sessions.active(caller.sessionId())) {
      throw new UnauthorizedException("session_ended", "this session was ended; sign in again");
    }
    return caller;
  }

  /**
   * Returns the account with this id.
   *
   * @throws NotFoundException {@code user_not_found}
   */
  public Account account(String userId) {
    if (userId == null || !USER_ID.matcher(userId).matches()) {
      throw userNotFound(userId);
    }
    return users.byId(userId).orElseThrow(() -> userNotFound(userId)).account();
  }

  /** Returns the account with this email, if there is one. */
  public Optional<Account> findByEmail(String email) {
    String normalised;
    try {
      normalised = Emails.require(email);
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
    return users.byEmail(normalised).map(UserStore.StoredUser::account);
  }

  /**
   * Adds {@code grant} to and removes {@code revoke} from a user's roles; they take effect at the
   * user's next refresh.
   *
   * @throws NotFoundException {@code user_not_found}
   */
  public Account changeRoles(String userId, Set<Role> grant, Set<Role> revoke) {
    Account before = account(userId);
    Set<Role> roles = EnumSet.noneOf(Role.class);
    roles.addAll(before.roles());
    roles.addAll(grant);
    roles.removeAll(revoke);
    if (!users.updateRoles(userId, roles)) {
      throw userNotFound(userId);
    }
    return new Account(
        before.id(), before.email(), before.displayName(), roles, before.createdAt());
  }

  /**
   * Erases the account after checking its password: email, name and password hash are deleted,
   * every session ends, and the id stays as a pseudonym (money records point at it). Nobody can
   * sign in as it again; the email may register anew as a new person.
   *
   * @throws UnauthorizedException {@code invalid_credentials} when the password is wrong
   * @throws NotFoundException {@code user_not_found} when there is no such (live) account
   */
  public void erase(String userId, String password) {
    UserStore.StoredUser user =
        users.byId(userId == null ? "" : userId).orElseThrow(() -> userNotFound(userId));
    if (password == null
        || password.length() > 4 * PasswordPolicy.MAX_LENGTH
        || !hasher.verify(password, user.passwordHash())) {
      throw wrongCredentials();
    }
    boolean erased = users.erase(userId, clock.instant());
    sessions.endedAllOf(userId);
    if (!erased) {
      throw userNotFound(userId);
    }
  }

  /** Makes the configured admin email an admin if that account exists already. */
  void promoteConfiguredAdmin() {
    settings
        .adminEmail()
        .flatMap(users::byEmail)
        .map(UserStore.StoredUser::account)
        .filter(a -> !a.roles().contains(Role.ADMIN))
        .ifPresent(a -> changeRoles(a.id(), Set.of(Role.ADMIN), Set.of()));
  }

  private SignedIn signedIn(Account account, String sessionId, RefreshSessions.Issued refresh) {
    JwtTokens.Signed access =
        tokens.issueAccess(account.id(), sessionId, account.roles(), settings.accessTokenTtl());
    return new SignedIn(
        account, access.token(), access.expiresAt(), refresh.token(), refresh.expiresAt());
  }

  private static String displayName(String raw) {
    String name = raw == null ? "" : raw.strip();
    int length = name.codePointCount(0, name.length());
    if (length < 1 || length > 64 || name.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException(
          "invalid_display_name",
          "display name must be 1–64 characters without control characters");
    }
    return name;
  }

  private static UnauthorizedException wrongCredentials() {
    return new UnauthorizedException("invalid_credentials", "the email or password is wrong");
  }

  private static NotFoundException userNotFound(String userId) {
    return new NotFoundException("user_not_found", "no user " + userId);
  }
}
