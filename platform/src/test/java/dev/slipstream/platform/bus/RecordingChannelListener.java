package dev.slipstream.platform.bus;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A channel listener that remembers every message it gets, for tests to inspect. */
public final class RecordingChannelListener implements ChannelListener {
  private final List<ChannelMessage> messages = new CopyOnWriteArrayList<>();

  @Override
  public void onMessage(ChannelMessage message) {
    messages.add(message);
  }

  /** Returns the payloads received so far as UTF-8 text, in the order received. */
  public List<String> texts() {
    return messages.stream()
        .map(message -> new String(message.payload(), StandardCharsets.UTF_8))
        .toList();
  }
}
