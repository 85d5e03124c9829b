package dev.slipstream.platform.bus;

/** What a topic subscription delivers: the next event, or the notice that some were trimmed. */
public sealed interface TopicSignal permits TopicEvent, OffsetsTrimmed {

  /** Returns the topic the signal belongs to. */
  String topic();
}
