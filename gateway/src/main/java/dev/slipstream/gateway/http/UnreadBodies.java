package dev.slipstream.gateway.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * Reads and discards what a request's handlers left of its body, up to {@link #MAX_DRAIN_BYTES},
 * before the answer goes out. A refusal decided before the body is read (401, 413, 415, 429) would
 * otherwise close a connection with the client's bytes still unread, and the operating system then
 * resets it: the client sees "connection reset" instead of the problem document. Larger leftovers
 * are not read; Jetty closes those connections as before.
 */
public final class UnreadBodies {
  /** The most bytes read and thrown away per request. */
  public static final long MAX_DRAIN_BYTES = 1L << 20;

  private UnreadBodies() {}

  /** Installs the {@code after} handler that drains leftovers. */
  public static void install(RoutesConfig routes) {
    routes.after(UnreadBodies::drain);
  }

  static void drain(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared == 0 || declared > MAX_DRAIN_BYTES || ctx.req().isAsyncStarted()) {
      return;
    }
    try {
      ServletInputStream in = ctx.req().getInputStream();
      if (in.isFinished()) {
        return; // the handler read it all; reading again would only re-run Jetty's rate check
      }
      byte[] buffer = new byte[8192];
      long left = MAX_DRAIN_BYTES;
      int n;
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= n;
      }
    } catch (IOException | IllegalStateException e) {
      // The client went away, or the body was taken as a reader: nothing left to protect.
    } catch (RuntimeException e) {
      // Jetty's own refusal of a client too slow to send the rest (its minimum data rate): the
      // answer already decided goes out and Jetty closes the connection, as without draining.
    }
  }
}
