package dev.slipstream.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slipstream.gateway.access.Access;
import dev.slipstream.gateway.access.RouteRule;
import dev.slipstream.gateway.auth.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's OpenAPI 3.1 document, assembled from a root ({@code openapi.yaml}) and one fragment
 * per area ({@code ops.yaml}, {@code streams.yaml}, … as the root's {@code x-slipstream-fragments}
 * lists them), each holding its routes' paths and schemas next to each other.
 *
 * <p>Each operation says who may call it in {@code x-slipstream-access} ({@code anyone}, {@code
 * signed-in}, {@code roles bettor}, {@code stream-manager}, {@code publish-key}, {@code
 * play-token}); the assembly derives its {@code security} and its 401 and 403 answers from that, so
 * they cannot disagree. An operation marked {@code x-slipstream-pending} documents a route that
 * lands from another branch.
 *
 * <p>{@link #full()} is every fragment (what the linter checks); {@link #forRoutes} keeps only the
 * operations of the routes a running gateway registers, so the served document never lists a route
 * that is not there.
 */
public final class OpenApiDocument {
  private static final String ROOT = "openapi.yaml";
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private OpenApiDocument() {}

  /**
   * One documented operation.
   *
   * @param method the HTTP method in capitals
   * @param path the path pattern, e.g. {@code /api/streams/{id}}
   * @param access the {@code x-slipstream-access} label
   * @param pending what the operation waits for, or null when it is served today
   * @param webSocket whether it is a WebSocket upgrade
   */
  public record Operation(
      String method, String path, String access, @Nullable String pending, boolean webSocket) {
    /** Returns {@code "METHOD path"}. */
    public String key() {
      return method + " " + path;
    }
  }

  /** Returns the whole document: every fragment, pending operations included. */
  public static ObjectNode full() {
    ObjectNode root = read(ROOT);
    ObjectNode paths = root.withObject("/paths");
    ObjectNode components = root.withObject("/components");
    for (JsonNode name : root.path("x-slipstream-fragments")) {
      ObjectNode fragment = read(name.asText() + ".yaml");
      merge(paths, fragment.path("paths"), name.asText() + ": path ");
      fragment
          .path("components")
          .properties()
          .forEach(
              section ->
                  merge(
                      components.withObject("/" + section.getKey()),
                      section.getValue(),
                      name.asText() + ": " + section.getKey() + " "));
    }
    root.remove("x-slipstream-fragments");
    operations(root)
        .forEach(
            entry -> {
              secure(entry.getValue(), entry.getKey().access());
              refusals(entry.getValue());
            });
    return root;
  }

  /**
   * Returns the document of a running gateway: only the operations whose route is registered in
   * {@code http} or {@code webSockets}.
   */
  public static ObjectNode forRoutes(Collection<RouteRule> http, Collection<RouteRule> webSockets) {
    Set<String> served =
        http.stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toSet());
    webSockets.forEach(r -> served.add("GET " + r.path()));
    ObjectNode document = full();
    ObjectNode paths = (ObjectNode) document.path("paths");
    for (Iterator<Map.Entry<String, JsonNode>> p = paths.properties().iterator(); p.hasNext(); ) {
      Map.Entry<String, JsonNode> path = p.next();
      ObjectNode item = (ObjectNode) path.getValue();
      item.properties()
          .removeIf(
              op ->
                  METHODS.contains(op.getKey())
                      && !served.contains(
                          op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey()));
      if (item.properties().stream().noneMatch(op -> METHODS.contains(op.getKey()))) {
        p.remove();
      }
    }
    return document;
  }

  /** Returns every operation of {@code document} with its {@link Operation} summary. */
  public static List<Map.Entry<Operation, ObjectNode>> operations(JsonNode document) {
    List<Map.Entry<Operation, ObjectNode>> operations = new ArrayList<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          if (!METHODS.contains(op.getKey())) {
                            return;
                          }
                          JsonNode pending = op.getValue().get("x-slipstream-pending");
                          operations.add(
                              Map.entry(
                                  new Operation(
                                      op.getKey().toUpperCase(Locale.ROOT),
                                      path.getKey(),
                                      op.getValue().path("x-slipstream-access").asText(""),
                                      pending == null ? null : pending.asText(),
                                      op.getValue().path("x-slipstream-websocket").asBoolean()),
                                  (ObjectNode) op.getValue()));
                        }));
    return operations;
  }

  /** Returns the {@code x-slipstream-access} label that says {@code access}. */
  public static String label(Access access) {
    return switch (access) {
      case Access.Anyone a -> "anyone";
      case Access.SignedIn s -> "signed-in";
      case Access.AnyRole r ->
          "roles "
              + r.roles().stream().sorted().map(Role::wireName).collect(Collectors.joining(" "));
      case Access.StreamManager m -> "stream-manager";
      case Access.PublishKey p -> "publish-key";
      case Access.PlayToken p -> "play-token";
    };
  }

  /** Sets the operation's security and its refusals from its access label. */
  private static void secure(ObjectNode operation, String access) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ArrayNode security = nodes.arrayNode();
    boolean signedIn =
        access.equals("signed-in")
            || access.startsWith("roles ")
            || access.equals("stream-manager");
    if (signedIn) {
      security.addObject().set("bearerAuth", nodes.arrayNode());
      security.addObject().set("sessionCookie", nodes.arrayNode());
      ObjectNode responses = operation.withObject("/responses");
      if (!responses.has("401")) {
        responses.putObject("401").put("$ref", "#/components/responses/Unauthorized");
      }
      if (!responses.has("403")) {
        responses.putObject("403").put("$ref", "#/components/responses/Forbidden");
      }
    } else if (access.equals("publish-key")) {
      security.addObject().set("publishKey", nodes.arrayNode());
    } else if (access.equals("play-token")) {
      security.addObject();
      security.addObject().set("playToken", nodes.arrayNode());
    }
    operation.set("security", security);
    String who =
        switch (access) {
          case "anyone" -> "Anyone may call.";
          case "signed-in" -> "Any signed-in user.";
          case "stream-manager" -> "The stream's broadcaster-owner, or an operator.";
          case "publish-key" -> "The stream's publish key as the bearer token.";
          case "play-token" -> "Anyone, or a play token when the stream needs one.";
          default ->
              "Signed in with the role "
                  + String.join(" or ", access.substring("roles ".length()).split(" "))
                  + " (an admin passes every role check).";
        };
    String description = operation.path("description").asText("");
    operation.put("description", description.isEmpty() ? who : description.strip() + "\n\n" + who);
  }

  /**
   * Adds the refusals every route shares: 413 and 415 for a route that takes a JSON body (the
   * gateway's size limit and content-type check), and {@code 4XX} for what Jetty refuses before any
   * route (an encoded NUL in the path, oversize headers).
   */
  private static void refusals(ObjectNode operation) {
    ObjectNode responses = operation.withObject("/responses");
    if (operation.path("requestBody").path("content").has("application/json")) {
      if (!responses.has("413")) {
        responses.putObject("413").put("$ref", "#/components/responses/TooLarge");
      }
      if (!responses.has("415")) {
        responses.putObject("415").put("$ref", "#/components/responses/UnsupportedMediaType");
      }
    }
    responses.putObject("4XX").put("$ref", "#/components/responses/ClientError");
  }

  private static void merge(ObjectNode into, JsonNode from, String what) {
    from.properties()
        .forEach(
            entry -> {
              if (into.has(entry.getKey())) {
                throw new IllegalStateException(
                    "OpenAPI fragment " + what + entry.getKey() + " is defined twice");
              }
              into.set(entry.getKey(), entry.getValue());
            });
  }

  private static ObjectNode read(String name) {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("OpenAPI fragment " + name + " is missing");
      }
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("OpenAPI fragment " + name + " cannot be read", e);
    }
  }

  /** Returns {@code document}'s operations by {@code "METHOD path"}. */
  public static Map<String, Operation> byKey(JsonNode document) {
    Map<String, Operation> byKey = new LinkedHashMap<>();
    operations(document).forEach(e -> byKey.put(e.getKey().key(), e.getKey()));
    return byKey;
  }
}
