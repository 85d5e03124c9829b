package dev.slipstream.ledger.payments;

import dev.slipstream.platform.ConflictException;
import dev.slipstream.platform.InvalidInputException;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process payment provider that behaves like a real card processor's sandbox: payments start
 * as pending and their results arrive later as signed webhooks, chosen by the {@link SandboxCard}
 * token; starting a payment is idempotent per key; an event that is not acknowledged is redelivered
 * with backoff, under the same event id and freshly signed each time (as a real provider does, so a
 * retry hours later is not refused as stale).
 *
 * <p>Delayed work runs on a {@link SandboxScheduler}: its own daemon thread from {@link #start}, or
 * one a test drives with its own clock from {@link #create}. Orders are kept in memory only.
 */
public final class SandboxPaymentProvider implements PaymentProvider, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SandboxPaymentProvider.class);
  private static final HexFormat HEX = HexFormat.of();

  private final SandboxSettings settings;
  private final WebhookSink sink;
  private final InstantSource clock;
  private final SandboxScheduler scheduler;
  private final RandomGenerator random;
  private final WebhookSignature signature;
  private final @Nullable ScheduledExecutorService ownThread;
  private final Map<String, Started> byKey = new HashMap<>();
  private final AtomicLong deliveries = new AtomicLong();

  private record Started(String kind, PaymentOrder order, ProviderPayment payment) {}

  private SandboxPaymentProvider(
      SandboxSettings settings,
      WebhookSink sink,
      InstantSource clock,
      SandboxScheduler scheduler,
      RandomGenerator random,
      @Nullable ScheduledExecutorService ownThread) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.random = Objects.requireNonNull(random, "random");
    this.signature = new WebhookSignature(settings.webhookSecret());
    this.ownThread = ownThread;
  }

  /**
   * Returns a sandbox that runs on its own scheduler thread (stopped by {@link #close}), with ids
   * drawn from {@code random}, delivering to {@code sink}.
   */
  public static SandboxPaymentProvider start(
      SandboxSettings settings, WebhookSink sink, InstantSource clock, RandomGenerator random) {
    ScheduledExecutorService thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("payments-sandbox").daemon().unstarted(r));
    return new SandboxPaymentProvider(
        settings, sink, clock, SandboxScheduler.on(thread), random, thread);
  }

  /** Returns a sandbox whose delayed work runs on {@code scheduler} (a test's, usually). */
  public static SandboxPaymentProvider create(
      SandboxSettings settings,
      WebhookSink sink,
      InstantSource clock,
      SandboxScheduler scheduler,
      RandomGenerator random) {
    return new SandboxPaymentProvider(settings, sink, clock, scheduler, random, null);
  }

  @Override
  public ProviderPayment startDeposit(PaymentOrder order) {
    SandboxCard card = card(order);
    Fresh started = startOnce("deposit", "pay_", order);
    if (started.fresh()) {
      String id = started.payment().paymentId();
      switch (card) {
        case VISA, MASTERCARD ->
            later(settings.confirmDelay(), EventType.DEPOSIT_SUCCEEDED, id, order);
        case DECLINED -> later(settings.confirmDelay(), EventType.DEPOSIT_DECLINED, id, order);
        case TIMEOUT ->
            log.info("sandbox deposit {} on {} will never be answered", id, card.token());
        case CHARGEBACK -> {
          later(settings.confirmDelay(), EventType.DEPOSIT_SUCCEEDED, id, order);
          later(
              settings.confirmDelay().plus(settings.chargebackDelay()),
              EventType.CHARGEBACK_CREATED,
              id,
              order);
        }
      }
    }
    return started.payment();
  }

  @Override
  public ProviderPayment startPayout(PaymentOrder order) {
    SandboxCard card = card(order);
    Fresh started = startOnce("payout", "po_", order);
    if (started.fresh()) {
      String id = started.payment().paymentId();
      switch (card) {
        case VISA, MASTERCARD, CHARGEBACK ->
            later(settings.confirmDelay(), EventType.PAYOUT_PAID, id, order);
        case DECLINED -> later(settings.confirmDelay(), EventType.PAYOUT_FAILED, id, order);
        case TIMEOUT ->
            log.info("sandbox payout {} on {} will never be answered", id, card.token());
      }
    }
    return started.payment();
  }

  /** Returns how many webhook deliveries the sandbox has attempted, redeliveries included. */
  public long deliveries() {
    return deliveries.get();
  }

  /** Stops the sandbox's own scheduler thread, if it has one; undelivered events are dropped. */
  @Override
  public void close() {
    if (ownThread != null) {
      ownThread.shutdownNow();
    }
  }

  private static SandboxCard card(PaymentOrder order) {
    return SandboxCard.fromToken(order.paymentMethod())
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "invalid_payment_method",
                    "the sandbox knows no payment method "
                        + order.paymentMethod()
                        + "; use a test card such as tok_visa"));
  }

  private record Fresh(ProviderPayment payment, boolean fresh) {}

  private synchronized Fresh startOnce(String kind, String prefix, PaymentOrder order) {
    Started earlier = byKey.get(order.idempotencyKey());
    if (earlier != null) {
      if (!earlier.kind.equals(kind) || !earlier.order.equals(order)) {
        throw new ConflictException(
            "idempotency_conflict",
            "idempotency key "
                + order.idempotencyKey()
                + " was already used for a different payment; nothing was changed");
      }
      return new Fresh(earlier.payment, false);
    }
    ProviderPayment payment = new ProviderPayment(newId(prefix), ProviderPayment.Status.PENDING);
    byKey.put(order.idempotencyKey(), new Started(kind, order, payment));
    return new Fresh(payment, true);
  }

  private void later(
      java.time.Duration delay, EventType type, String paymentId, PaymentOrder order) {
    scheduler.schedule(
        delay,
        () -> {
          WebhookEvent event;
          synchronized (this) {
            event =
                WebhookEvent.of(
                    type,
                    newId("evt_"),
                    paymentId,
                    order.amount(),
                    order.currency(),
                    clock.instant());
          }
          deliver(event.toJson(), event.id(), 1);
        });
  }

  private void deliver(byte[] body, String eventId, int attempt) {
    deliveries.incrementAndGet();
    boolean acknowledged;
    try {
      Map<String, String> headers =
          Map.of(
              "Content-Type",
              "application/json",
              WebhookSignature.HEADER,
              signature.sign(body, clock.instant()));
      acknowledged = sink.deliver(body.clone(), headers);
    } catch (RuntimeException e) {
      log.warn("sandbox webhook {} delivery {} failed: {}", eventId, attempt, e.toString());
      acknowledged = false;
    }
    if (acknowledged) {
      return;
    }
    if (attempt >= settings.maxAttempts()) {
      log.warn("sandbox webhook {} given up after {} attempts", eventId, attempt);
      return;
    }
    scheduler.schedule(settings.retryDelay(attempt + 1), () -> deliver(body, eventId, attempt + 1));
  }

  private String newId(String prefix) {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return prefix + HEX.formatHex(bytes);
  }
}
