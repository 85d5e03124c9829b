package dev.slipstream.media.sfu;

import dev.slipstream.media.rtp.InboundStreamTracker;
import dev.slipstream.media.rtp.KeyframeStartTracker;
import dev.slipstream.media.rtp.PacketCache;
import dev.slipstream.media.sdp.MediaKind;

/**
 * What the SFU keeps per publisher source (SSRC): loss tracking for NACKs and reports, the packet
 * cache retransmissions come from, and where keyframes start.
 *
 * @param kind audio or video
 * @param ssrc the publisher's SSRC
 * @param tracker sequence and loss tracking
 * @param cache recent packets for retransmission
 * @param keyframes keyframe-start detection
 */
record InboundMedia(
    MediaKind kind,
    long ssrc,
    InboundStreamTracker tracker,
    PacketCache cache,
    KeyframeStartTracker keyframes) {}
