package dev.slipstream.markets.live;

import dev.slipstream.wire.v1.MarketTemplateKind;
import java.util.List;

/**
 * A market a template opened: what it asks, about whom, over which window of media time.
 *
 * @param marketId unique id
 * @param streamId the stream it is about
 * @param kind the template that made it
 * @param title the question, e.g. "Runner 3 tops 9.0 m/s in the next 10 s"
 * @param selections the answers, e.g. ["yes", "no"] or the athletes' track ids
 * @param subjectTrackId the athlete asked about; 0 for market-wide questions
 * @param windowStartUs media time the window opens
 * @param windowEndUs media time the window closes
 * @param threshold the level asked about (m/s, metres), where the template has one
 * @param zoneId the zone asked about, where the template has one
 */
public record MarketSpec(
    String marketId,
    String streamId,
    MarketTemplateKind kind,
    String title,
    List<String> selections,
    int subjectTrackId,
    long windowStartUs,
    long windowEndUs,
    double threshold,
    String zoneId) {

  /** The selections of a yes/no question. */
  public static final List<String> YES_NO = List.of("yes", "no");

  /** Copies the selections. */
  public MarketSpec {
    selections = List.copyOf(selections);
    if (windowEndUs <= windowStartUs) {
      throw new IllegalArgumentException("a market's window must end after it starts");
    }
  }

  /** Seconds left in the window at {@code nowUs}. */
  public double secondsLeft(long nowUs) {
    return Math.max(0, (windowEndUs - nowUs) / 1e6);
  }
}
