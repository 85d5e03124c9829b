package dev.slipstream.media.srtp;

import java.util.Arrays;
import java.util.Objects;

/**
 * The SRTP master keys and salts of both directions, as DTLS-SRTP exports them.
 *
 * <p>Accessors return copies; {@link #toString()} names only the profile so keys never reach a log.
 *
 * @param profile the negotiated protection profile
 * @param clientMasterKey the key the DTLS client protects with
 * @param clientMasterSalt the salt the DTLS client protects with
 * @param serverMasterKey the key the DTLS server protects with
 * @param serverMasterSalt the salt the DTLS server protects with
 */
public record SrtpKeyMaterial(
    SrtpProfile profile,
    byte[] clientMasterKey,
    byte[] clientMasterSalt,
    byte[] serverMasterKey,
    byte[] serverMasterSalt) {

  /** Checks each length against the profile and copies the arrays. */
  public SrtpKeyMaterial {
    Objects.requireNonNull(profile, "profile");
    clientMasterKey = checked("clientMasterKey", clientMasterKey, profile.masterKeyLength());
    serverMasterKey = checked("serverMasterKey", serverMasterKey, profile.masterKeyLength());
    clientMasterSalt = checked("clientMasterSalt", clientMasterSalt, profile.masterSaltLength());
    serverMasterSalt = checked("serverMasterSalt", serverMasterSalt, profile.masterSaltLength());
  }

  /**
   * Splits DTLS keying material exported with label {@code EXTRACTOR-dtls_srtp} into the four parts
   * in the order RFC 5764 §4.2 gives: client key, server key, client salt, server salt.
   *
   * @param profile the negotiated profile
   * @param exported exactly {@link SrtpProfile#exporterLength()} bytes
   * @return the keys of both directions
   */
  public static SrtpKeyMaterial fromDtlsExporter(SrtpProfile profile, byte[] exported) {
    if (exported.length != profile.exporterLength()) {
      throw new IllegalArgumentException(
          "exported keying material for "
              + profile
              + " must be "
              + profile.exporterLength()
              + " bytes (was "
              + exported.length
              + ")");
    }
    int k = profile.masterKeyLength();
    int s = profile.masterSaltLength();
    return new SrtpKeyMaterial(
        profile,
        Arrays.copyOfRange(exported, 0, k),
        Arrays.copyOfRange(exported, 2 * k, 2 * k + s),
        Arrays.copyOfRange(exported, k, 2 * k),
        Arrays.copyOfRange(exported, 2 * k + s, 2 * k + 2 * s));
  }

  /** Returns a copy of the DTLS client's master key. */
  @Override
  public byte[] clientMasterKey() {
    return clientMasterKey.clone();
  }

  /** Returns a copy of the DTLS client's master salt. */
  @Override
  public byte[] clientMasterSalt() {
    return clientMasterSalt.clone();
  }

  /** Returns a copy of the DTLS server's master key. */
  @Override
  public byte[] serverMasterKey() {
    return serverMasterKey.clone();
  }

  /** Returns a copy of the DTLS server's master salt. */
  @Override
  public byte[] serverMasterSalt() {
    return serverMasterSalt.clone();
  }

  /** Equal when the profile and every key and salt byte are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SrtpKeyMaterial other
        && profile == other.profile
        && Arrays.equals(clientMasterKey, other.clientMasterKey)
        && Arrays.equals(clientMasterSalt, other.clientMasterSalt)
        && Arrays.equals(serverMasterKey, other.serverMasterKey)
        && Arrays.equals(serverMasterSalt, other.serverMasterSalt);
  }

  /** Hashes the profile and the contents of the arrays. */
  @Override
  public int hashCode() {
    return Objects.hash(
        profile,
        Arrays.hashCode(clientMasterKey),
        Arrays.hashCode(clientMasterSalt),
        Arrays.hashCode(serverMasterKey),
        Arrays.hashCode(serverMasterSalt));
  }

  /** Names the profile only, so keys never reach a log. */
  @Override
  public String toString() {
    return "SrtpKeyMaterial[profile=" + profile + ", keys hidden]";
  }

  private static byte[] checked(String name, byte[] value, int length) {
    Objects.requireNonNull(value, name);
    if (value.length != length) {
      throw new IllegalArgumentException(
          name + " must be " + length + " bytes (was " + value.length + ")");
    }
    return value.clone();
  }
}
