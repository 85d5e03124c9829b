package dev.slipstream.bench.viewers;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * Runs viewers' DTLS client handshakes, each on its own virtual thread (BouncyCastle's DTLS is
 * blocking), with at most a set number in flight so that a ramp's handshakes queue instead of all
 * contending for the CPU at once. The outcome goes back to the viewer's receive loop.
 */
final class Handshakes {
  private final Semaphore permits;
  private final ClientCertificate certificate;
  private final SecureRandom random;
  private final LongSupplier nanoTime;

  Handshakes(
      int concurrency, ClientCertificate certificate, SecureRandom random, LongSupplier nanoTime) {
    this.permits = new Semaphore(concurrency);
    this.certificate = certificate;
    this.random = random;
    this.nanoTime = nanoTime;
  }

  /** Starts {@code peer}'s handshake; {@code loop} owns the peer and hears the outcome. */
  void start(ViewerPeer peer, ReceiveLoop loop) {
    Thread.ofVirtual()
        .name("dtls-viewer")
        .start(
            () -> {
              try {
                permits.acquire();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              try {
                SrtpDtlsClient client =
                    new SrtpDtlsClient(
                        new BcTlsCrypto(random), certificate, peer.answer().fingerprint());
                new DTLSClientProtocol().connect(client, peer.dtls());
                var keys = client.keys();
                loop.execute(() -> peer.onKeys(keys, nanoTime.getAsLong()));
              } catch (IOException | RuntimeException e) {
                loop.execute(() -> peer.fail("DTLS: " + e));
              } finally {
                permits.release();
              }
            });
  }
}
