package dev.slipstream.gateway.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keys that protect personal data at rest: AES-256 data keys by id (the first encrypts new
 * values, every one decrypts, so a new key is rotated in by putting it first) and the key of the
 * blind index that finds an account by email without decrypting every row.
 *
 * @param dataKeys AES keys (32 bytes each) by id, encrypting key first
 * @param indexKey the HMAC-SHA256 key of blind indexes and fingerprints, 32 bytes or more
 * @param devDefault whether these are the built-in demo keys, which protect nothing
 */
public record PiiKeys(Map<String, byte[]> dataKeys, byte[] indexKey, boolean devDefault) {
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  /** Validates the keys, naming what is wrong (never the key itself). */
  public PiiKeys {
    if (dataKeys.isEmpty()) {
      throw new IllegalArgumentException("at least one data key is needed");
    }
    Map<String, byte[]> copy = new LinkedHashMap<>();
    dataKeys.forEach(
        (id, key) -> {
          if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                "a data key id must be 1 to 32 of A-Z, a-z, 0-9, '_' or '-' (was " + id + ")");
          }
          if (key.length != 32) {
            throw new IllegalArgumentException(
                "data key " + id + " must be 32 bytes (was " + key.length + ")");
          }
          copy.put(id, key.clone());
        });
    dataKeys = java.util.Collections.unmodifiableMap(copy);
    if (indexKey.length < 32) {
      throw new IllegalArgumentException(
          "the index key must be at least 32 bytes (was " + indexKey.length + ")");
    }
    indexKey = indexKey.clone();
  }

  /**
   * Parses {@code id:base64key} entries (the first encrypts) and a base64 index key.
   *
   * @throws IllegalArgumentException naming the entry that is wrong
   */
  public static PiiKeys parse(List<String> entries, String indexKeyBase64) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    for (String entry : entries) {
      int colon = entry.indexOf(':');
      String id = colon < 0 ? "" : entry.substring(0, colon).strip();
      if (colon < 0 || keys.containsKey(id)) {
        throw new IllegalArgumentException(
            "each data key must be written id:base64 with a unique id (entry "
                + (keys.size() + 1)
                + " is not)");
      }
      keys.put(id, base64(entry.substring(colon + 1).strip(), "data key " + id));
    }
    return new PiiKeys(keys, base64(indexKeyBase64.strip(), "the index key"), false);
  }

  /**
   * Returns the built-in demo keys: derived from a constant in this source, so they keep nothing
   * secret. The server says so loudly when it starts with them.
   */
  public static PiiKeys demo() {
    return new PiiKeys(
        Map.of("dev", sha256("slipstream demo data key: not a secret")),
        sha256("slipstream demo index key: not a secret"),
        true);
  }

  /** Returns the id of the key that encrypts new values. */
  public String currentKeyId() {
    return dataKeys.keySet().iterator().next();
  }

  /** Keeps the keys out of logs. */
  @Override
  public String toString() {
    return "PiiKeys[dataKeys=" + dataKeys.keySet() + ", devDefault=" + devDefault + "]";
  }

  private static byte[] base64(String text, String what) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not base64");
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
