package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipstream.gateway.access.RouteRule;
import dev.slipstream.gateway.openapi.OpenApiDocument;
import dev.slipstream.gateway.openapi.OpenApiDocument.Operation;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document stays true to the code: every route a full gateway registers (REST and
 * WebSocket) is documented with the access it is registered with, every documented operation that
 * is not marked pending is registered, a pending one that has landed must lose its marker, and the
 * served document lists exactly the registered routes.
 */
class OpenApiIT {
  private GatewayFixture f;

  @BeforeEach
  void start() throws Exception {
    f = GatewayFixture.start();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void everyRegisteredRouteIsDocumentedWithItsAccessAndNothingElseIs() {
    Map<String, Operation> documented = OpenApiDocument.byKey(OpenApiDocument.full());
    List<String> problems = new ArrayList<>();
    Set<String> registered = new TreeSet<>();
    List<RouteRule> routes = new ArrayList<>(f.gateway.routeTable());
    routes.addAll(f.gateway.webSocketRoutes());
    Set<String> webSockets =
        f.gateway.webSocketRoutes().stream()
            .map(r -> r.method() + " " + r.path())
            .collect(Collectors.toSet());
    for (RouteRule route : routes) {
      String key = route.method() + " " + route.path();
      registered.add(key);
      Operation op = documented.get(key);
      if (op == null) {
        problems.add(key + " is registered but not documented: add it to its area's fragment");
        continue;
      }
      if (!op.access().equals(OpenApiDocument.label(route.access()))) {
        problems.add(
            key
                + " is documented as x-slipstream-access '"
                + op.access()
                + "' but registered as '"
                + OpenApiDocument.label(route.access())
                + "'");
      }
      if (op.pending() != null) {
        problems.add(key + " has landed: remove its x-slipstream-pending marker");
      }
      if (op.webSocket() != webSockets.contains(key)) {
        problems.add(key + ": x-slipstream-websocket says " + op.webSocket());
      }
    }
    documented.values().stream()
        .filter(op -> op.pending() == null && !registered.contains(op.key()))
        .forEach(op -> problems.add(op.key() + " is documented but no route serves it"));
    assertThat(problems).isEmpty();
    assertThat(registered).hasSizeGreaterThan(40);
  }

  @Test
  void theServedDocumentListsExactlyTheRegisteredRoutes() {
    HttpResponse<String> response = f.get("/api/openapi.json");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode served = f.read(response);
    assertThat(served.get("openapi").asText()).isEqualTo("3.1.0");
    Set<String> registered = new TreeSet<>();
    f.gateway.routeTable().forEach(r -> registered.add(r.method() + " " + r.path()));
    f.gateway.webSocketRoutes().forEach(r -> registered.add(r.method() + " " + r.path()));
    assertThat(new TreeSet<>(OpenApiDocument.byKey(served).keySet())).isEqualTo(registered);
    ObjectNode deposit = (ObjectNode) served.at("/paths/~1api~1wallet~1deposits/post");
    assertThat(deposit.get("security").toString())
        .isEqualTo("[{\"bearerAuth\":[]},{\"sessionCookie\":[]}]");
    assertThat(deposit.at("/responses/401/$ref").asText())
        .isEqualTo("#/components/responses/Unauthorized");
    assertThat(served.at("/paths/~1api~1streams/get/security").toString()).isEqualTo("[]");

    HttpResponse<String> page = f.get("/api/docs");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body())
        .contains("fetch('/api/openapi.json')")
        .doesNotContain("http://", "https://");
  }
}
