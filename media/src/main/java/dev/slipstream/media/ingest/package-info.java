/**
 * Media that enters a stream from inside this process rather than over WebRTC: the synthetic test
 * source, looped files, and RTMP and SRT publishers received through FFmpeg. Each turns its input
 * into H.264 (packetization-mode 1) and Opus RTP packets and hands them to {@link
 * dev.slipstream.media.sfu.MediaServer#publishLocal}, so viewers see no difference from a WHIP
 * publisher.
 */
@NullMarked
package dev.slipstream.media.ingest;

import org.jspecify.annotations.NullMarked;
