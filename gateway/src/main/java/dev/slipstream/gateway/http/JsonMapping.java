package dev.slipstream.gateway.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of the gateway: ISO-8601 times, strict about unknown fields and about
 * types ({@link StrictScalars}).
 */
public final class JsonMapping {
  private JsonMapping() {}

  /** Returns a new mapper with the gateway's settings. */
  public static ObjectMapper newMapper() {
    return StrictScalars.apply(new ObjectMapper())
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }
}
