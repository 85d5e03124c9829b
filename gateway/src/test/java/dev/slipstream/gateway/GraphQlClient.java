package dev.slipstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * GraphQL clients of the tests: plain HTTP for queries and mutations, and the real {@code
 * graphql-ws} npm client ({@code js/graphql-watch.mjs}, {@code js/graphql-subscribe.mjs}) as a
 * child process for one subscription, its JSON lines in a queue.
 */
final class GraphQlClient implements AutoCloseable {
  private final Process process;
  private final LinkedBlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();

  private GraphQlClient(Process process, GatewayFixture f) {
    this.process = process;
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  if (line.startsWith("{")) {
                    lines.add(f.json.readTree(line));
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
            });
  }

  /** Posts {@code query} with {@code variables} (JSON, or null) as {@code bearer} (or nobody). */
  static HttpResponse<String> post(
      GatewayFixture f, String query, String variables, String bearer) {
    var body = f.json.createObjectNode().put("query", query);
    if (variables != null) {
      try {
        body.set("variables", f.json.readTree(variables));
      } catch (IOException e) {
        throw new IllegalArgumentException(e);
      }
    }
    return f.send(
        GatewayFixture.withBearer(
            HttpRequest.newBuilder(f.uri("/api/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
            bearer));
  }

  /** Starts the graphql-ws client on {@code subscription}, stopping after {@code count} results. */
  static GraphQlClient watch(GatewayFixture f, String subscription, int count, String token)
      throws IOException {
    return run(f, "graphql-watch.mjs", List.of(Integer.toString(count), subscription), token);
  }

  /**
   * Starts {@code js/<script>} with the gateway's GraphQL socket address, then {@code args}, then
   * {@code token} when there is one.
   */
  static GraphQlClient run(GatewayFixture f, String script, List<String> args, String token)
      throws IOException {
    assertThat(Path.of("js", "node_modules", "graphql-ws")).as("npm ci in gateway/js").exists();
    List<String> command =
        new ArrayList<>(
            List.of(
                "node",
                Path.of("js", script).toString(),
                "ws://127.0.0.1:" + f.gateway.port() + "/api/graphql"));
    command.addAll(args);
    if (token != null) {
      command.add(token);
    }
    return new GraphQlClient(
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start(), f);
  }

  /** Returns the next line, which must be the event {@code kind}, within 30 s. */
  JsonNode next(String kind) throws InterruptedException {
    JsonNode line = lines.poll(30, TimeUnit.SECONDS);
    assertThat(line).as("a '%s' line from the graphql-ws client within 30 s", kind).isNotNull();
    if (line.get("event").asText().equals("connected")) {
      return next(kind);
    }
    assertThat(line.get("event").asText()).as(line.toString()).isEqualTo(kind);
    return line;
  }

  int exitCode() throws InterruptedException {
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the client exits").isTrue();
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroy();
  }
}
