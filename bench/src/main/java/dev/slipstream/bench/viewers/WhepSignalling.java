package dev.slipstream.bench.viewers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * WHEP over HTTP: {@code POST} an offer to {@code /api/streams/{id}/whep}, {@code DELETE} the
 * session URL it answers with. One HTTP/1.1 client with virtual threads serves every viewer.
 */
final class WhepSignalling implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  /**
   * The server's answer to an offer.
   *
   * @param session the absolute URL to {@code DELETE}
   * @param sdp the SDP answer
   */
  record Answered(URI session, String sdp) {}

  private final URI base;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http;

  WhepSignalling(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(executor)
            .build();
  }

  /**
   * Posts an offer for stream {@code streamId}.
   *
   * @throws IOException when the server cannot be reached or answers other than 201, with its
   *     status and problem body
   */
  Answered offer(String streamId, String offerSdp) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/streams/" + streamId + "/whep"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/sdp")
            .POST(HttpRequest.BodyPublishers.ofString(offerSdp))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    String location = response.headers().firstValue("Location").orElse(null);
    if (response.statusCode() != 201 || location == null) {
      throw new IOException(
          "WHEP POST answered " + response.statusCode() + ": " + response.body().strip());
    }
    return new Answered(base.resolve(location), response.body());
  }

  /** Ends a session; a session the server already ended is not an error. */
  void delete(URI session) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(session).timeout(TIMEOUT).DELETE().build();
    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() >= 300 && response.statusCode() != 404) {
      throw new IOException("WHEP DELETE " + session + " answered " + response.statusCode());
    }
  }

  @Override
  public void close() {
    http.close();
    executor.close();
  }
}
