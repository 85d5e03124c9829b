package dev.slipstream.gateway.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * An RFC 9457 problem document with a stable machine-readable {@code code}, the body of every error
 * response the gateway sends.
 *
 * @param type a URI naming the kind of problem, {@code /problems/<code>}
 * @param title a short summary of the kind of problem
 * @param status the HTTP status
 * @param detail one sentence about this occurrence
 * @param code the stable snake_case code clients switch on
 * @param instance the request path this happened on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, String code, String instance) {

  /** The media type of problem documents. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * Reads and drops what the client is still sending of an oversize body (up to {@value
   * #MAX_DISCARDED_BYTES} bytes), then asks for the connection to close. Answering while the body
   * is still arriving and then closing makes the TCP stack reset the connection, and the client
   * loses the answer with it; without {@code Connection: close} a keep-alive client would send its
   * next request down a connection that is about to close.
   */
  private static void refuseOversizeBody(Context ctx) {
    ctx.header("Connection", "close");
    try {
      InputStream body = ctx.req().getInputStream();
      byte[] sink = new byte[16 * 1024];
      long discarded = 0;
      for (int n = body.read(sink);
          n >= 0 && discarded < MAX_DISCARDED_BYTES;
          n = body.read(sink)) {
        discarded += n;
      }
    } catch (IOException | IllegalStateException e) {
      // The body is gone already (read, or the client went away): nothing left to drop.
    }
  }

  private static final long MAX_DISCARDED_BYTES = 8L * 1024 * 1024;

  /** Sends a problem document as the response to {@code ctx}. */
  public static void send(Context ctx, int status, String code, String title, String detail) {
    if (status == 413) {
      refuseOversizeBody(ctx);
    }
    ctx.status(status);
    ctx.json(new Problem("/problems/" + code, title, status, detail, code, ctx.path()));
    ctx.contentType(MEDIA_TYPE);
  }
}
