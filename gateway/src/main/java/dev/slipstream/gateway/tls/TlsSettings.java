package dev.slipstream.gateway.tls;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Whether the gateway serves HTTPS (and WSS), and with which certificate. */
public sealed interface TlsSettings {
  /** Plain HTTP and WS. */
  record Off() implements TlsSettings {}

  /**
   * A certificate chain and its private key from a PKCS#12 keystore.
   *
   * @param file the {@code .p12} file
   * @param password the keystore's password, also the key's
   */
  record Pkcs12(Path file, String password) implements TlsSettings {
    /** Checks the values are there. */
    public Pkcs12 {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Pkcs12[file=" + file + ", password=***]";
    }
  }

  /**
   * A certificate chain and a private key in PEM files, as certificate authorities hand them out.
   *
   * @param certificateChain the server certificate first, then any intermediates
   * @param privateKey the key, PKCS#8 ({@code BEGIN PRIVATE KEY}) or traditional RSA/EC
   */
  record Pem(Path certificateChain, Path privateKey) implements TlsSettings {
    /** Checks the values are there. */
    public Pem {
      Objects.requireNonNull(certificateChain, "certificateChain");
      Objects.requireNonNull(privateKey, "privateKey");
    }
  }

  /**
   * A certificate made up at start, signed by itself, for development: browsers warn about it and
   * clients must be told to trust it.
   *
   * @param names the host names and IP addresses the certificate is for
   */
  record SelfSigned(List<String> names) implements TlsSettings {
    /** Copies the names; at least one is needed. */
    public SelfSigned {
      names = List.copyOf(names);
      if (names.isEmpty()) {
        throw new IllegalArgumentException("a self-signed certificate needs at least one name");
      }
    }
  }

  /** Plain HTTP. */
  static TlsSettings off() {
    return new Off();
  }

  /** A self-signed certificate for {@code localhost} and {@code 127.0.0.1}. */
  static TlsSettings selfSignedForLocalhost() {
    return new SelfSigned(List.of("localhost", "127.0.0.1", "::1"));
  }
}
