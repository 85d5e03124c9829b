package dev.slipstream.ledger.payments;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipstream.platform.InvalidInputException;
import java.io.IOException;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One provider event as it travels: {@code {"id", "type", "payment_id", "amount", "currency",
 * "created"}} in JSON. Unknown fields are ignored, as providers add them; a type this platform does
 * not know is kept as {@code rawType} with an empty {@code type}, to be acknowledged and ignored.
 *
 * @param id the event's id, the same on every redelivery
 * @param rawType the type as sent, e.g. {@code deposit.succeeded}
 * @param paymentId the provider's payment id
 * @param amount the payment's amount in minor units
 * @param currency the payment's currency
 * @param created when the provider created the event
 */
record WebhookEvent(
    String id, String rawType, String paymentId, long amount, String currency, Instant created) {
  /** The largest body accepted, far above any real event. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_\\-]{1,128}");
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  static WebhookEvent of(
      EventType type, String id, String paymentId, long amount, String currency, Instant created) {
    return new WebhookEvent(id, type.wireName(), paymentId, amount, currency, created);
  }

  java.util.Optional<EventType> type() {
    return EventType.fromWireName(rawType);
  }

  byte[] toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", id);
    node.put("type", rawType);
    node.put("payment_id", paymentId);
    node.put("amount", amount);
    node.put("currency", currency);
    node.put("created", created.getEpochSecond());
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an object of strings and numbers always serialises", e);
    }
  }

  /**
   * Reads an event.
   *
   * @throws InvalidInputException {@code malformed_webhook} naming what is wrong
   */
  static WebhookEvent parse(byte[] body) {
    if (body.length == 0 || body.length > MAX_BODY_BYTES) {
      throw malformed("body must be 1 to " + MAX_BODY_BYTES + " bytes (was " + body.length + ")");
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw malformed("body is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw malformed("body must be a JSON object");
    }
    String id = identifier(root, "id");
    String type = text(root, "type");
    String paymentId = identifier(root, "payment_id");
    long amount = number(root, "amount");
    if (amount <= 0) {
      throw malformed("amount must be a positive whole number of minor units (was " + amount + ")");
    }
    String currency = text(root, "currency");
    try {
      PaymentOrder.currency(currency);
    } catch (InvalidInputException e) {
      throw malformed("currency must be an ISO 4217 code (was " + currency + ")");
    }
    long created = number(root, "created");
    return new WebhookEvent(id, type, paymentId, amount, currency, Instant.ofEpochSecond(created));
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual() || node.asText().isEmpty()) {
      throw malformed("field " + field + " must be a non-empty string");
    }
    return node.asText();
  }

  private static String identifier(JsonNode root, String field) {
    String value = text(root, field);
    if (!ID.matcher(value).matches()) {
      throw malformed("field " + field + " must be 1 to 128 letters, digits, '_' or '-'");
    }
    return value;
  }

  private static long number(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
      throw malformed("field " + field + " must be a whole number");
    }
    return node.asLong();
  }

  private static InvalidInputException malformed(String message) {
    return new InvalidInputException("malformed_webhook", "webhook " + message);
  }
}
