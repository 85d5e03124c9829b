package dev.slipstream.media.ice;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The lite responder of one session.
 *
 * <p>Checks run in the order RFC 8489 §6.3 and §9.1.3 give: the message kind, FINGERPRINT (else it
 * is not ICE's STUN), presence of USERNAME and MESSAGE-INTEGRITY (400), the user name and then the
 * HMAC (401), unknown comprehension-required attributes (420), and the role (487). State is a
 * volatile instant and atomic counters, so concurrent callers need no lock.
 */
final class LiteBindingResponder implements IceLiteResponder {
  private static final BindingRefusal[] REASONS = BindingRefusal.values();

  private volatile IceCredentials credentials;
  private volatile byte[] key;
  private final InstantSource clock;
  private final LongAdder accepted = new LongAdder();
  private final AtomicLongArray refused = new AtomicLongArray(REASONS.length);
  private volatile @Nullable Instant lastValidRequest;

  LiteBindingResponder(IceCredentials credentials, InstantSource clock) {
    this.credentials = credentials;
    this.key = credentials.integrityKey();
    this.clock = clock;
  }

  @Override
  public IceCredentials credentials() {
    return credentials;
  }

  @Override
  public synchronized void restart(IceCredentials next) {
    this.key = next.integrityKey();
    this.credentials = next;
  }

  @Override
  public BindingOutcome handle(ReceivedStun stun, InetSocketAddress from) {
    StunMessage request = stun.message();
    if (!request.isBindingRequest()) {
      return dropped(BindingRefusal.NOT_A_BINDING_REQUEST);
    }
    if (!stun.fingerprintMatches()) {
      return dropped(BindingRefusal.BAD_FINGERPRINT);
    }
    Optional<String> username = request.username();
    if (username.isEmpty() || !stun.hasIntegrity()) {
      return refused(BindingRefusal.MISSING_CREDENTIALS, request, ErrorCodes.BAD_REQUEST, null);
    }
    if (!username.get().equals(credentials.expectedUsername())) {
      return refused(BindingRefusal.WRONG_USERNAME, request, ErrorCodes.UNAUTHENTICATED, null);
    }
    if (!stun.integrityMatches(key)) {
      return refused(BindingRefusal.BAD_INTEGRITY, request, ErrorCodes.UNAUTHENTICATED, null);
    }
    List<Integer> unknown = unknownRequired(request);
    if (!unknown.isEmpty()) {
      return refused(
          BindingRefusal.UNKNOWN_REQUIRED_ATTRIBUTE,
          request,
          ErrorCodes.UNKNOWN_ATTRIBUTE,
          new StunAttribute.UnknownAttributes(unknown));
    }
    if (request.has(StunAttribute.IceControlled.class)) {
      // A lite agent is always controlled (RFC 8445 §6.1.1) and cannot switch, so the peer must.
      return refused(BindingRefusal.ROLE_CONFLICT, request, ErrorCodes.ROLE_CONFLICT, null);
    }
    lastValidRequest = clock.instant();
    accepted.increment();
    StunMessage response =
        new StunMessage(
            StunClass.SUCCESS_RESPONSE,
            StunClass.BINDING,
            request.transactionId(),
            List.of(new StunAttribute.XorMappedAddress(from)));
    return new BindingOutcome.Accepted(
        response.encodeSigned(key), from, request.has(StunAttribute.UseCandidate.class));
  }

  @Override
  public Optional<Instant> lastValidRequest() {
    return Optional.ofNullable(lastValidRequest);
  }

  @Override
  public void refreshFromMedia() {
    if (lastValidRequest != null) {
      lastValidRequest = clock.instant();
    }
  }

  @Override
  public boolean consentExpired(Duration timeout) {
    Instant last = lastValidRequest;
    return last != null && !clock.instant().isBefore(last.plus(timeout));
  }

  @Override
  public BindingCounters counters() {
    Map<BindingRefusal, Long> byReason = new EnumMap<>(BindingRefusal.class);
    for (BindingRefusal r : REASONS) {
      byReason.put(r, refused.get(r.ordinal()));
    }
    return new BindingCounters(accepted.sum(), byReason);
  }

  private static List<Integer> unknownRequired(StunMessage request) {
    List<Integer> types = new ArrayList<>();
    for (StunAttribute a : request.attributes()) {
      if (a instanceof StunAttribute.Unknown u && u.comprehensionRequired()) {
        types.add(u.type());
      }
    }
    return types;
  }

  private BindingOutcome dropped(BindingRefusal reason) {
    refused.incrementAndGet(reason.ordinal());
    return new BindingOutcome.Dropped(reason);
  }

  /** Answers with an error; signed unless the request's own credentials were the problem. */
  private BindingOutcome refused(
      BindingRefusal reason,
      StunMessage request,
      StunAttribute.ErrorCode error,
      StunAttribute.@Nullable UnknownAttributes unknown) {
    refused.incrementAndGet(reason.ordinal());
    List<StunAttribute> attributes = new ArrayList<>(2);
    attributes.add(error);
    if (unknown != null) {
      attributes.add(unknown);
    }
    StunMessage response =
        new StunMessage(
            StunClass.ERROR_RESPONSE, StunClass.BINDING, request.transactionId(), attributes);
    boolean sign =
        reason != BindingRefusal.MISSING_CREDENTIALS
            && reason != BindingRefusal.WRONG_USERNAME
            && reason != BindingRefusal.BAD_INTEGRITY;
    return new BindingOutcome.Refused(reason, response.encode(sign ? key : null, true));
  }

  /** The error responses this responder sends, with RFC 8489's reason phrases. */
  private static final class ErrorCodes {
    static final StunAttribute.ErrorCode BAD_REQUEST =
        new StunAttribute.ErrorCode(StunAttribute.ErrorCode.BAD_REQUEST, "Bad Request");
    static final StunAttribute.ErrorCode UNAUTHENTICATED =
        new StunAttribute.ErrorCode(StunAttribute.ErrorCode.UNAUTHENTICATED, "Unauthenticated");
    static final StunAttribute.ErrorCode UNKNOWN_ATTRIBUTE =
        new StunAttribute.ErrorCode(StunAttribute.ErrorCode.UNKNOWN_ATTRIBUTE, "Unknown Attribute");
    static final StunAttribute.ErrorCode ROLE_CONFLICT =
        new StunAttribute.ErrorCode(StunAttribute.ErrorCode.ROLE_CONFLICT, "Role Conflict");

    private ErrorCodes() {}
  }
}
