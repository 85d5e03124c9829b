package dev.slipstream.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Jetty's answer to requests it refuses before any route sees them (a path with {@code %00} or an
 * ambiguous segment, a URI or header block too large, a request it cannot parse), written as the
 * same RFC 9457 problem document every route answers with instead of Jetty's HTML page, so a client
 * can rely on {@code code} for every 4xx.
 */
public final class ProblemErrorHandler extends ErrorHandler {
  private static final ObjectMapper MAPPER = JsonMapping.newMapper();

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int status,
      @Nullable String message,
      @Nullable Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    // Jetty refused before reading the body, and closes the connection rather than read it: say so,
    // or a keep-alive client sends its next request down a connection that is about to close.
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.write(
        true,
        ByteBuffer.wrap(body(status, message, request.getHttpURI().getPath(), false)),
        callback);
  }

  @Override
  public ByteBuffer badMessageError(
      int status, @Nullable String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    return ByteBuffer.wrap(body(status, reason, null, true));
  }

  /** Returns the problem document for a refusal Jetty made itself. */
  static byte[] body(
      int status, @Nullable String reason, @Nullable String path, boolean unparsable) {
    String code = unparsable && status == 400 ? "malformed_request" : codeFor(status);
    String title = HttpStatus.getMessage(status);
    String detail =
        switch (code) {
          case "invalid_uri" ->
              "the request's path is not one this server accepts (encoded NUL, control characters"
                  + " or ambiguous segments)";
          case "malformed_request" -> "the request is not well-formed HTTP";
          case "uri_too_long" -> "the request's URI is too long";
          case "headers_too_large" -> "the request's headers are too large";
          case "request_too_large" -> "the request's body is larger than this server accepts";
          default ->
              "the server refused the request: "
                  + (reason == null || reason.isBlank() ? title : reason.toLowerCase(Locale.ROOT));
        };
    try {
      return MAPPER.writeValueAsBytes(
          new Problem("/problems/" + code, title, status, detail, code, path));
    } catch (JsonProcessingException e) {
      return ("{\"status\":" + status + ",\"code\":\"" + code + "\"}")
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  private static String codeFor(int status) {
    return switch (status) {
      case 400 -> "invalid_uri";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "request_too_large";
      case 414 -> "uri_too_long";
      case 431 -> "headers_too_large";
      case 505 -> "http_version_not_supported";
      default -> status >= 500 ? "internal_error" : "bad_request";
    };
  }
}
