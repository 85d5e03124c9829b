package dev.slipstream.bench.vision;

import dev.slipstream.wire.v1.PipelineStage;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one pass of the vision pipeline over a clip measured.
 *
 * @param name the clip and pacing, for the report
 * @param offered frames offered
 * @param processed frames analysed
 * @param skipped frames let go (superseded or refused)
 * @param seconds wall-clock time from the first offer to the last output
 * @param stages per-stage time of each measured frame, microseconds
 * @param perFrame detect + track + pose + kinematics + events of each measured frame, microseconds
 * @param latency capture to analytics out of each measured frame (waiting in the mailbox included),
 *     microseconds
 * @param meanPeople mean confirmed tracks per measured frame
 */
record PassResult(
    String name,
    long offered,
    long processed,
    long skipped,
    double seconds,
    Map<PipelineStage, Histogram> stages,
    Histogram perFrame,
    Histogram latency,
    double meanPeople) {

  double fps() {
    return processed / seconds;
  }
}
