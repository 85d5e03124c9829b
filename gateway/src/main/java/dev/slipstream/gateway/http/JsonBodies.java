package dev.slipstream.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipstream.platform.InvalidInputException;
import io.javalin.http.Context;

/**
 * Reads JSON request bodies with the gateway's mapper. A body of {@code null} is refused as {@code
 * malformed_json} like any other body that is not the object the route takes (Javalin's own reader
 * fails on it with an internal error).
 */
public final class JsonBodies {
  private static final ObjectMapper MAPPER = JsonMapping.newMapper();

  private JsonBodies() {}

  /**
   * Returns the body as {@code type}.
   *
   * @throws InvalidInputException {@code malformed_json} for {@code null}
   * @throws JsonProcessingException for anything else that is not a {@code type}, which the gateway
   *     answers with 400 {@code malformed_json}
   */
  public static <T> T read(Context ctx, Class<T> type) throws JsonProcessingException {
    T body = MAPPER.readValue(ctx.body(), type);
    if (body == null) {
      throw new InvalidInputException("malformed_json", "the body must be a JSON object");
    }
    return body;
  }
}
