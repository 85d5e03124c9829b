/**
 * Plain RTP and RTCP for the SFU: what happens to media between SRTP decryption on ingest and SRTP
 * encryption on egress. Nothing here re-encodes; packets are read, copied and rewritten in place.
 *
 * <p>Per publisher source (one SSRC), on its receive thread, for each decrypted datagram:
 *
 * <ol>
 *   <li>{@link dev.slipstream.media.rtp.Rtcp#isRtcp} splits RTCP from RTP on a multiplexed port;
 *   <li>{@link dev.slipstream.media.rtp.RtpPacket#parse} validates, counting drops in {@link
 *       dev.slipstream.media.rtp.DropCounts};
 *   <li>{@link dev.slipstream.media.rtp.InboundStreamTracker#onPacket} notes losses and statistics,
 *       {@link dev.slipstream.media.rtp.PacketCache#put} keeps a copy for resends, {@link
 *       dev.slipstream.media.rtp.KeyframeStartTracker#isKeyframeStart} decides once whether viewers
 *       may start here;
 *   <li>for each viewer: copy the packet into the viewer's send buffer, {@link
 *       dev.slipstream.media.rtp.OutboundStreamRewriter#rewrite}, remap header extension ids, and
 *       encrypt and send if it was forwarded.
 * </ol>
 *
 * <p>A timer asks each tracker for {@link dev.slipstream.media.rtp.InboundStreamTracker#nacksDue
 * NACKs} and {@link dev.slipstream.media.rtp.InboundStreamTracker#nextReportBlock report blocks}. A
 * viewer's NACK is mapped back with {@link
 * dev.slipstream.media.rtp.OutboundStreamRewriter#publisherSequence}, fetched from the cache and
 * rewritten with {@link dev.slipstream.media.rtp.OutboundStreamRewriter#rewriteRetransmission}; its
 * PLI or FIR becomes the SFU's own PLI to the publisher.
 */
@NullMarked
package dev.slipstream.media.rtp;

import org.jspecify.annotations.NullMarked;
