package dev.slipstream.media.sfu;

import dev.slipstream.media.sdp.MediaKind;

/**
 * One decrypted publisher packet on its way to every viewer. The array is shared by all viewers and
 * never written after this record is made; each viewer copies before rewriting.
 *
 * @param kind audio or video
 * @param data the plain RTP packet, from offset 0
 * @param length its length
 * @param keyframeStart whether a viewer may start decoding here
 * @param mediaTimeMicros the stream's media time of a video packet; 0 for audio
 */
record ForwardedPacket(
    MediaKind kind, byte[] data, int length, boolean keyframeStart, long mediaTimeMicros) {}
