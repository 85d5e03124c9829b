package dev.slipstream.ledger.payments;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver a test can turn: passing deliveries on, losing the acknowledgement after
 * passing one on (as when a response is lost), or down (nothing arrives). Records every delivery.
 */
final class SwitchableSink implements WebhookSink {
  /** One delivery as the provider sent it. */
  record Delivery(byte[] body, Map<String, String> headers) {
    String bodyText() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private volatile WebhookSink target = (body, headers) -> false;
  private volatile boolean down;
  private volatile int acksToLose;

  void target(WebhookSink target) {
    this.target = target;
  }

  void down(boolean down) {
    this.down = down;
  }

  void loseAcks(int count) {
    this.acksToLose = count;
  }

  List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  Delivery last() {
    return deliveries.getLast();
  }

  @Override
  public boolean deliver(byte[] body, Map<String, String> headers) {
    deliveries.add(new Delivery(body.clone(), Map.copyOf(headers)));
    if (down) {
      return false;
    }
    boolean acknowledged = target.deliver(body, headers);
    if (acknowledged && acksToLose > 0) {
      acksToLose--;
      return false;
    }
    return acknowledged;
  }
}
