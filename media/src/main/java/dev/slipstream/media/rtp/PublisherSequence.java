package dev.slipstream.media.rtp;

/**
 * A packet as the publisher numbered it, to look up in that source's {@link PacketCache}.
 *
 * @param ssrc the publisher's source
 * @param sequenceNumber the publisher's sequence number
 */
public record PublisherSequence(long ssrc, int sequenceNumber) {}
