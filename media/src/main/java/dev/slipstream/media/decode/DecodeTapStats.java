package dev.slipstream.media.decode;

/**
 * What a decode tap has done so far.
 *
 * @param packetsIn video packets the tap was offered
 * @param packetsDropped packets thrown away because the decoder thread was behind
 * @param framesDiscarded compressed frames thrown away because packets were missing (until the next
 *     keyframe)
 * @param framesDecoded pictures the decoder produced
 * @param decodeErrors compressed frames the decoder refused as corrupt
 * @param framesDelivered frames the sink took
 * @param framesDroppedSinkBusy frames dropped because the sink was still busy with an earlier one
 * @param sinkFailures frames the sink threw an exception on
 * @param lastDelayMillis from the arrival of the last delivered frame to its hand-off to the sink
 */
public record DecodeTapStats(
    long packetsIn,
    long packetsDropped,
    long framesDiscarded,
    long framesDecoded,
    long decodeErrors,
    long framesDelivered,
    long framesDroppedSinkBusy,
    long sinkFailures,
    double lastDelayMillis) {}
