package dev.slipstream.server;

import dev.slipstream.gateway.privacy.PiiCipher;
import dev.slipstream.gateway.privacy.PiiKeys;
import dev.slipstream.gateway.wallet.MoneyServices;
import dev.slipstream.ledger.Ledger;
import dev.slipstream.ledger.audit.AuditLog;
import dev.slipstream.ledger.fraud.FraudRules;
import dev.slipstream.ledger.fraud.FraudSignals;
import dev.slipstream.ledger.limits.PlayerLimits;
import dev.slipstream.ledger.payments.Payments;
import dev.slipstream.ledger.payments.PaymentsSettings;
import dev.slipstream.ledger.payments.SandboxPaymentProvider;
import dev.slipstream.ledger.payments.SandboxSettings;
import dev.slipstream.ledger.payments.WebhookSink;
import dev.slipstream.server.config.MoneyConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Money beside the ledger: payments through the sandbox card processor, players' limits, fraud
 * signals and the audit log, and their sweeps (deposits the provider never answered are failed,
 * fraud rules run over everyone). Once the gateway is up the sandbox delivers its signed webhooks
 * over HTTP to the gateway's webhook route, exactly as an outside provider would; before that (or
 * without a gateway) it hands them to payments directly.
 */
final class MoneyRole implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MoneyRole.class);
  private static final String CURRENCY = "EUR";

  private final SandboxPaymentProvider sandbox;
  private final Payments payments;
  private final MoneyServices services;
  private final AtomicReference<URI> webhookUri = new AtomicReference<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService sweeps =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("money-sweeps").daemon().unstarted(r));

  MoneyRole(
      DataSource dataSource,
      Ledger ledger,
      MoneyConfig config,
      PiiCipher cipher,
      InstantSource clock,
      SecureRandom random) {
    String secret =
        config
            .webhookSecret()
            .orElseGet(
                () -> {
                  byte[] bytes = new byte[32];
                  random.nextBytes(bytes);
                  return "whsec_" + HexFormat.of().formatHex(bytes);
                });
    AtomicReference<Payments> self = new AtomicReference<>();
    SandboxSettings defaults = SandboxSettings.defaults(secret);
    this.sandbox =
        SandboxPaymentProvider.start(
            new SandboxSettings(
                secret,
                config.sandboxConfirmDelay(),
                defaults.chargebackDelay(),
                defaults.firstRetryDelay(),
                defaults.maxRetryDelay(),
                defaults.maxAttempts()),
            (body, headers) -> deliver(body, headers, self.get()),
            clock,
            random);
    this.payments =
        Payments.postgres(
            dataSource,
            ledger,
            sandbox,
            clock,
            PaymentsSettings.defaults(secret, config.reviewThreshold()));
    self.set(payments);
    int finished = payments.finishInterrupted();
    if (finished > 0) {
      log.warn("{} payments a crash had cut short are finished now", finished);
    }
    FraudSignals fraud = FraudSignals.postgres(dataSource, clock, FraudRules.defaults());
    this.services =
        new MoneyServices(
            ledger,
            payments,
            PlayerLimits.postgres(dataSource, clock),
            fraud,
            AuditLog.postgres(dataSource, clock),
            cipher,
            CURRENCY,
            "sandbox");
    Duration timeout = config.depositTimeout();
    sweeps.scheduleWithFixedDelay(
        () -> {
          sweep("interrupted payments finished", payments::finishInterrupted);
          sweep("deposit timeouts", () -> payments.timeoutPending(timeout));
        },
        60,
        60,
        TimeUnit.SECONDS);
    sweeps.scheduleWithFixedDelay(
        () -> sweep("fraud rules", () -> fraud.scan().size()), 30, 30, TimeUnit.SECONDS);
  }

  /** Returns the cipher for personal data: the configured keys, or the demo keys, said loudly. */
  static PiiCipher cipher(MoneyConfig config, SecureRandom random) {
    PiiKeys keys =
        config
            .piiKeys()
            .orElseGet(
                () -> {
                  log.warn(
                      "PERSONAL DATA IS NOT PROTECTED: no SLIPSTREAM_PRIVACY_DATA_KEYS and"
                          + " SLIPSTREAM_PRIVACY_INDEX_KEY are set, so emails and names are"
                          + " encrypted with the built-in demo key, which is public. Set both"
                          + " before real people sign up.");
                  return PiiKeys.demo();
                });
    return new PiiCipher(keys, random);
  }

  /** Sends the sandbox's webhooks to the gateway at {@code baseUri} from now on. */
  void deliverTo(URI baseUri) {
    webhookUri.set(baseUri.resolve("/api/payments/webhooks/sandbox"));
  }

  MoneyServices services() {
    return services;
  }

  Payments payments() {
    return payments;
  }

  private boolean deliver(byte[] body, java.util.Map<String, String> headers, Payments direct) {
    URI uri = webhookUri.get();
    if (uri == null) {
      return WebhookSink.to(direct).deliver(body, headers);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() / 100
          == 2;
    } catch (java.io.IOException e) {
      log.debug("webhook delivery to {} failed: {}", uri, e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void sweep(String what, java.util.function.IntSupplier work) {
    try {
      int changed = work.getAsInt();
      if (changed > 0) {
        log.info("{}: {}", what, changed);
      }
    } catch (RuntimeException e) {
      log.warn("{} could not run: {}", what, e.toString());
    }
  }

  @Override
  public void close() {
    sweeps.shutdownNow();
    sandbox.close();
  }
}
