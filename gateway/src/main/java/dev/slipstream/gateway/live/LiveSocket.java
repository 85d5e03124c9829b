package dev.slipstream.gateway.live;

import dev.slipstream.gateway.auth.Caller;
import dev.slipstream.gateway.auth.Role;
import dev.slipstream.platform.RejectedException;
import dev.slipstream.wire.v1.ClientMessage;
import dev.slipstream.wire.v1.RequestErrorCode;
import dev.slipstream.wire.v1.Resume;
import dev.slipstream.wire.v1.Subscribe;
import dev.slipstream.wire.v1.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's live connection: reads its requests, keeps its subscriptions, and answers. Frames
 * arrive one at a time (the server reads a connection's frames in order); a request that cannot be
 * carried out gets a {@code RequestError} with the request's id and changes nothing.
 */
final class LiveSocket {
  private static final Logger log = LoggerFactory.getLogger(LiveSocket.class);
  private static final Pattern STREAM_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern SUBSCRIPTION_ID = Pattern.compile("[\\x21-\\x7e]{1,64}");
  private static final int MAX_REQUEST_ID = 128;
  private static final Duration RECHECK = Duration.ofSeconds(1);

  private final LiveHub hub;
  private final SocketCaller who;
  private final Outbox outbox;
  private final TokenBucket bucket;
  private final SocketBets bets;
  private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
  // The last check of the socket's token and session, reused for a second: a busy bettor's socket
  // costs one session lookup a second rather than one a bet; a sign-out reaches it within RECHECK.
  private volatile @Nullable Caller checked;
  private volatile Instant checkedAt = Instant.MIN;

  LiveSocket(LiveHub hub, SocketCaller who, Outbox outbox) {
    this.hub = hub;
    this.who = who;
    this.outbox = outbox;
    Caller caller = who.caller();
    this.bucket = caller == null ? hub.newBucket() : hub.bucketOf(caller.userId());
    this.bets = new SocketBets(hub, outbox);
  }

  /** Handles a binary frame. */
  void onBinary(byte[] frame) {
    ClientMessage message;
    try {
      message = WireFormat.decode(frame);
    } catch (Exception e) {
      malformed("the frame is not a slipstream.v1.ClientMessage in protobuf: " + e.getMessage());
      return;
    }
    handle(message);
  }

  /** Handles a text frame. */
  void onText(String frame) {
    ClientMessage message;
    try {
      message = WireFormat.decode(frame);
    } catch (Exception | StackOverflowError e) {
      malformed(
          "the frame is not a slipstream.v1.ClientMessage in the protobuf JSON mapping: "
              + e.getMessage());
      return;
    }
    handle(message);
  }

  /** Ends every subscription (the socket closed). */
  void closed() {
    outbox.close();
    feeds.values().forEach(feed -> hub.fanouts().detach(feed));
    feeds.clear();
  }

  int subscriptions() {
    return feeds.size();
  }

  private void handle(ClientMessage message) {
    String requestId = message.getRequestId();
    try {
      if (!bucket.tryTake()) {
        throw new RequestRefused(
            RequestErrorCode.REQUEST_ERROR_CODE_RATE_LIMITED,
            "too many requests: at most "
                + hub.settings().requestsPerSecond()
                + " a second (bursts of "
                + hub.settings().requestBurst()
                + ")");
      }
      if (requestId.length() > MAX_REQUEST_ID) {
        throw invalid("request_id is at most " + MAX_REQUEST_ID + " characters");
      }
      switch (message.getRequestCase()) {
        case SUBSCRIBE -> subscribe(message.getSubscribe());
        case RESUME -> resume(message.getResume());
        case UNSUBSCRIBE -> unsubscribe(message.getUnsubscribe().getSubscriptionId());
        case PLACE_BET -> bets.place(requestId, signedIn(), message.getPlaceBet());
        case REQUEST_NOT_SET ->
            throw invalid("set exactly one of subscribe, unsubscribe, place_bet, resume");
      }
    } catch (RequestRefused refused) {
      reply(requestId, refused.code(), refused.getMessage());
    } catch (RuntimeException e) {
      log.error("live request {} failed", message.getRequestCase(), e);
      reply(requestId, RequestErrorCode.REQUEST_ERROR_CODE_INVALID_REQUEST, "the request failed");
    }
  }

  private void subscribe(Subscribe subscribe) throws RequestRefused {
    String busTopic =
        checkTopic(subscribe.getSubscriptionId(), subscribe.getTopic(), subscribe.getResourceId());
    TopicKind kind = TopicKind.of(subscribe.getTopic());
    Feed feed =
        hub.fanouts()
            .attach(
                busTopic,
                kind,
                fanout -> Feed.fresh(subscribe.getSubscriptionId(), fanout, outbox));
    feeds.put(subscribe.getSubscriptionId(), feed);
  }

  private void resume(Resume resume) throws RequestRefused {
    String busTopic =
        checkTopic(resume.getSubscriptionId(), resume.getTopic(), resume.getResourceId());
    if (resume.getFromSequence() < 1) {
      throw invalid("from_sequence is the first sequence not yet received, at least 1");
    }
    TopicKind kind = TopicKind.of(resume.getTopic());
    Feed feed =
        hub.fanouts()
            .attach(
                busTopic,
                kind,
                fanout ->
                    Feed.resume(
                        resume.getSubscriptionId(), fanout, outbox, resume.getFromSequence()));
    feeds.put(resume.getSubscriptionId(), feed);
  }

  private void unsubscribe(String subscriptionId) throws RequestRefused {
    Feed feed = feeds.remove(subscriptionId);
    if (feed == null) {
      throw new RequestRefused(
          RequestErrorCode.REQUEST_ERROR_CODE_NOT_FOUND,
          "no subscription " + subscriptionId + " on this connection");
    }
    hub.fanouts().detach(feed);
  }

  /** Validates a subscription request and returns the bus topic it follows. */
  private String checkTopic(String subscriptionId, Topic topic, String resourceId)
      throws RequestRefused {
    if (!SUBSCRIPTION_ID.matcher(subscriptionId).matches()) {
      throw invalid("subscription_id must be 1 to 64 visible ASCII characters");
    }
    if (feeds.containsKey(subscriptionId)) {
      throw new RequestRefused(
          RequestErrorCode.REQUEST_ERROR_CODE_DUPLICATE_SUBSCRIPTION,
          "this connection already has a subscription " + subscriptionId);
    }
    if (feeds.size() >= hub.settings().maxSubscriptions()) {
      throw invalid(
          "a connection may hold at most " + hub.settings().maxSubscriptions() + " subscriptions");
    }
    return switch (topic) {
      case TOPIC_STREAM_ANALYTICS, TOPIC_STREAM_MARKETS -> {
        if (!STREAM_ID.matcher(resourceId).matches()) {
          throw invalid("resource_id must be a stream id (1 to 64 letters, digits, _ or -)");
        }
        if (!hub.services().streamExists().test(resourceId)) {
          throw new RequestRefused(
              RequestErrorCode.REQUEST_ERROR_CODE_NOT_FOUND, "no stream " + resourceId);
        }
        yield TopicKind.of(topic).busTopic(resourceId);
      }
      case TOPIC_ACCOUNT -> {
        Caller caller = signedIn();
        if (!resourceId.isEmpty() && !resourceId.equals(caller.userId())) {
          throw new RequestRefused(
              RequestErrorCode.REQUEST_ERROR_CODE_FORBIDDEN,
              "TOPIC_ACCOUNT is only your own account: leave resource_id empty or send "
                  + caller.userId());
        }
        yield TopicKind.ACCOUNT.busTopic(caller.userId());
      }
      case TOPIC_STREAM ->
          throw invalid(
              "TOPIC_STREAM (lifecycle and stats) is not served over the socket yet; poll GET"
                  + " /api/streams/{id}, or subscribe to TOPIC_STREAM_ANALYTICS or"
                  + " TOPIC_STREAM_MARKETS");
      case TOPIC_UNSPECIFIED, UNRECOGNIZED ->
          throw invalid(
              "topic must be TOPIC_STREAM_ANALYTICS, TOPIC_STREAM_MARKETS or TOPIC_ACCOUNT");
    };
  }

  /**
   * Returns the socket's caller after checking their token again (it may have expired or been
   * signed out since the socket opened); a check less than a second old stands.
   */
  private Caller signedIn() throws RequestRefused {
    Caller caller = who.caller();
    String token = who.token();
    if (caller == null || token == null || hub.accounts() == null) {
      throw new RequestRefused(
          RequestErrorCode.REQUEST_ERROR_CODE_UNAUTHENTICATED,
          "sign in first: open the socket with an access token (access_token query parameter,"
              + " Authorization header or the session cookie)");
    }
    Instant at = hub.clock().instant();
    Caller recent = checked;
    if (recent != null && at.isBefore(checkedAt.plus(RECHECK))) {
      return recent;
    }
    try {
      Caller now = hub.accounts().authenticate(token);
      if (!now.userId().equals(caller.userId())) {
        throw new IllegalStateException("a socket's token changed hands");
      }
      checkedAt = at;
      checked = now;
      return now;
    } catch (RejectedException e) {
      throw new RequestRefused(
          RequestErrorCode.REQUEST_ERROR_CODE_UNAUTHENTICATED,
          "the socket's access token is no longer valid ("
              + e.getMessage()
              + "): reconnect with a"
              + " fresh one");
    }
  }

  static boolean mayBet(Caller caller) {
    return caller.actsAs(Role.BETTOR);
  }

  private void malformed(String detail) {
    reply("", RequestErrorCode.REQUEST_ERROR_CODE_MALFORMED, detail);
  }

  private void reply(String requestId, RequestErrorCode code, String detail) {
    outbox.sendError(requestId, code, detail);
  }

  private static RequestRefused invalid(String message) {
    return new RequestRefused(RequestErrorCode.REQUEST_ERROR_CODE_INVALID_REQUEST, message);
  }
}
