package dev.slipstream.gateway.tls;

import java.security.KeyStore;
import java.security.cert.X509Certificate;

/**
 * The key and certificate chain the gateway serves TLS with.
 *
 * @param keyStore a keystore holding one key entry with its chain
 * @param password the keystore's and the key's password
 * @param certificate the server's own certificate (the chain's first)
 */
public record ServingKeys(KeyStore keyStore, String password, X509Certificate certificate) {
  @Override
  public String toString() {
    return "ServingKeys[" + certificate.getSubjectX500Principal() + "]";
  }
}
