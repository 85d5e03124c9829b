package dev.slipstream.gateway.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;

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

  /** Sends a problem document as the response to {@code ctx}. */
  public static void send(Context ctx, int status, String code, String title, String detail) {
    ctx.status(status);
    ctx.json(new Problem("/problems/" + code, title, status, detail, code, ctx.path()));
    ctx.contentType(MEDIA_TYPE);
  }
}
