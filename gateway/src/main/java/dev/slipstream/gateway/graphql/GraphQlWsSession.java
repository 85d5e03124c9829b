package dev.slipstream.gateway.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipstream.gateway.auth.Accounts;
import dev.slipstream.gateway.auth.Caller;
import dev.slipstream.gateway.http.JsonMapping;
import dev.slipstream.platform.RejectedException;
import graphql.ExecutionResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * One WebSocket speaking {@code graphql-transport-ws}: {@code connection_init} (optionally with
 * {@code {"authorization":"Bearer …"}}) answered by {@code connection_ack}; {@code subscribe} runs
 * an operation, whose results come as {@code next} then {@code complete} (or {@code error} for a
 * document that does not validate); {@code complete} from the client stops a subscription; {@code
 * ping} gets {@code pong}. Breaches close the socket with the protocol's codes: 4400 for a message
 * that is not one, 4401 for subscribing before the acknowledgement, 4403 for a bad token, 4408 when
 * no {@code connection_init} came within {@value #INIT_TIMEOUT_SECONDS} s, 4409 for a subscription
 * id already running, 4429 for a second {@code connection_init}.
 */
final class GraphQlWsSession {
  static final int MAX_MESSAGE_BYTES = 64 * 1024;
  static final int INIT_TIMEOUT_SECONDS = 10;
  private static final int MAX_RUNNING = 100;
  private static final ObjectMapper JSON = JsonMapping.newMapper();

  /** The socket's sending side. */
  interface Peer {
    void send(String text);

    void close(int code, String reason);
  }

  private final Peer peer;
  private final GraphQlApi api;
  private final @Nullable Accounts accounts;
  private volatile @Nullable Caller caller;
  private final CallerContext.Origin origin;
  private final Map<String, Subscription> running = new ConcurrentHashMap<>();
  private volatile boolean initialised;
  private volatile boolean acknowledged;
  private volatile boolean closed;

  GraphQlWsSession(
      Peer peer,
      GraphQlApi api,
      @Nullable Accounts accounts,
      @Nullable Caller caller,
      CallerContext.Origin origin) {
    this.origin = origin;
    this.peer = peer;
    this.api = api;
    this.accounts = accounts;
    this.caller = caller;
  }

  /** Starts the clock for {@code connection_init}. */
  void start() {
    Thread.ofVirtual()
        .name("graphql-ws-init-timeout")
        .start(
            () -> {
              try {
                Thread.sleep(Duration.ofSeconds(INIT_TIMEOUT_SECONDS));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              if (!initialised && !closed) {
                peer.close(4408, "Connection initialisation timeout");
              }
            });
  }

  void onBinary() {
    peer.close(4400, "Invalid message received: graphql-transport-ws takes text frames");
  }

  void onText(String text) {
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      peer.close(4400, "Invalid message received: not JSON");
      return;
    }
    String type = message == null ? "" : message.path("type").asText("");
    switch (type) {
      case "connection_init" -> init(message.path("payload"));
      case "ping" -> send(Map.of("type", "pong"));
      case "pong" -> {}
      case "subscribe" -> subscribe(message);
      case "complete" -> stop(message.path("id").asText(""));
      default -> peer.close(4400, "Invalid message received: unknown type");
    }
  }

  void closed() {
    closed = true;
    running.values().forEach(Subscription::cancel);
    running.clear();
  }

  private void init(JsonNode payload) {
    if (initialised) {
      peer.close(4429, "Too many initialisation requests");
      return;
    }
    initialised = true;
    String authorization = payload.path("authorization").asText("");
    if (!authorization.isEmpty()) {
      if (accounts == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        peer.close(4403, "Forbidden: send {\"authorization\":\"Bearer <access token>\"}");
        return;
      }
      try {
        caller = accounts.authenticate(authorization.substring(7).strip());
      } catch (RejectedException e) {
        peer.close(4403, "Forbidden: " + e.code());
        return;
      }
    }
    acknowledged = true;
    send(Map.of("type", "connection_ack"));
  }

  private void subscribe(JsonNode message) {
    if (!acknowledged) {
      peer.close(4401, "Unauthorized");
      return;
    }
    String id = message.path("id").isTextual() ? message.path("id").asText() : "";
    JsonNode payload = message.path("payload");
    if (id.isEmpty() || !payload.path("query").isTextual()) {
      peer.close(4400, "Invalid message received: subscribe needs an id and payload.query");
      return;
    }
    GraphQlApi.Request request;
    try {
      request = JSON.treeToValue(payload, GraphQlApi.Request.class);
    } catch (JsonProcessingException e) {
      peer.close(4400, "Invalid message received: payload is not a GraphQL request");
      return;
    }
    if (running.containsKey(id)) {
      peer.close(4409, "Subscriber for " + id + " already exists");
      return;
    }
    if (running.size() >= MAX_RUNNING) {
      sendErrors(id, List.of(Map.of("message", "at most " + MAX_RUNNING + " operations at once")));
      return;
    }
    ExecutionResult result = api.execute(request, caller, origin.address(), origin.device());
    if (result.getData() instanceof Publisher<?> publisher) {
      @SuppressWarnings("unchecked")
      Publisher<ExecutionResult> results = (Publisher<ExecutionResult>) publisher;
      results.subscribe(new Forward(id));
    } else if (!result.getErrors().isEmpty() && !result.isDataPresent()) {
      sendErrors(id, result.toSpecification().get("errors"));
    } else {
      next(id, result);
      send(Map.of("type", "complete", "id", id));
    }
  }

  private void stop(String id) {
    Subscription subscription = running.remove(id);
    if (subscription != null) {
      subscription.cancel();
    }
  }

  private void next(String id, ExecutionResult result) {
    send(Map.of("type", "next", "id", id, "payload", result.toSpecification()));
  }

  private void sendErrors(String id, @Nullable Object errors) {
    send(Map.of("type", "error", "id", id, "payload", errors == null ? List.of() : errors));
  }

  private void send(Map<String, ?> message) {
    if (closed) {
      return;
    }
    try {
      peer.send(JSON.writeValueAsString(message));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a GraphQL result that is not JSON", e);
    }
  }

  /** Forwards one subscription's results as {@code next} messages, in order. */
  private final class Forward implements Subscriber<ExecutionResult> {
    private final String id;

    Forward(String id) {
      this.id = id;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      if (closed || running.putIfAbsent(id, subscription) != null) {
        subscription.cancel();
        return;
      }
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ExecutionResult result) {
      next(id, result);
    }

    @Override
    public void onError(Throwable error) {
      if (running.remove(id) != null) {
        ObjectNode problem =
            JSON.createObjectNode().put("message", String.valueOf(error.getMessage()));
        sendErrors(id, List.of(problem));
      }
    }

    @Override
    public void onComplete() {
      if (running.remove(id) != null) {
        send(Map.of("type", "complete", "id", id));
      }
    }
  }
}
