package dev.slipstream.bench.rest;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;

/**
 * A well-behaved client from its own address that asks at a steady rate below the limit while
 * another client floods: counts its answers by status and records each request's latency.
 */
final class PoliteClient implements Runnable {
  private final HttpClient http;
  private final URI url;
  private final long periodNanos;
  private final AtomicBoolean stop = new AtomicBoolean();
  final Histogram latency = new Histogram(3_600_000_000L, 3);
  long ok;
  long limited;
  long failed;

  PoliteClient(InetAddress from, URI url, int perSecond) {
    this.http =
        HttpClient.newBuilder().localAddress(from).connectTimeout(Duration.ofSeconds(5)).build();
    this.url = url;
    this.periodNanos = 1_000_000_000L / perSecond;
  }

  @Override
  public void run() {
    long next = System.nanoTime();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build();
    while (!stop.get()) {
      long start = System.nanoTime();
      try {
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
        if (status == 200) {
          ok++;
        } else if (status == 429) {
          limited++;
        } else {
          failed++;
        }
      } catch (java.io.IOException e) {
        failed++;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      next += periodNanos;
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        try {
          Thread.sleep(Duration.ofNanos(sleep));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  void stop() {
    stop.set(true);
  }
}
