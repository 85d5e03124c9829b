package dev.slipstream.platform.bus;

/** The answer to {@link EventBus#read}: a batch of events, or the notice that some were trimmed. */
public sealed interface TopicRead permits TopicBatch, OffsetsTrimmed {}
