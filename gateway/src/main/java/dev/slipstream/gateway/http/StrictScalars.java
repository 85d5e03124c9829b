package dev.slipstream.gateway.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * Makes request bodies mean what they say: a number is not a string ({@code "title":12}), a number
 * or string is not a boolean ({@code "permanent":1}), a fraction or string is not a whole number
 * ({@code "amountMinor":0.5}, {@code "hours":"24"}), and no text holds the NUL character (which
 * PostgreSQL cannot store). Each of these is refused as {@code malformed_json} instead of being
 * quietly converted into something the caller did not send.
 */
final class StrictScalars {
  private StrictScalars() {}

  static ObjectMapper apply(ObjectMapper mapper) {
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper.registerModule(
        new SimpleModule("strict-text").addDeserializer(String.class, new NoNulText()));
  }

  /** Text without the NUL character. */
  private static final class NoNulText extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = super.deserialize(p, ctxt);
      if (text != null && text.indexOf('\0') >= 0) {
        throw ctxt.weirdStringException(
            text, String.class, "text must not contain the NUL character (\\u0000)");
      }
      return text;
    }
  }
}
