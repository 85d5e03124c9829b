package dev.slipstream.markets.pricing;

/**
 * The chance that an event (a jump, a zone entry) happens within a window, from how often it has
 * happened: a Poisson rate with a Gamma(α, β) prior, updated by n events in t seconds watched. The
 * predictive chance of no event in the next T seconds is ((β + t)/(β + t + T))^(α + n), which
 * carries the rate's uncertainty rather than pretending it is known.
 *
 * @param priorEvents α: the prior's weight in events
 * @param priorSeconds β: the prior's weight in seconds (α/β is the prior rate)
 */
public record EventHazard(double priorEvents, double priorSeconds) {

  /** Checks the prior is proper. */
  public EventHazard {
    if (!(priorEvents > 0) || !(priorSeconds > 0)) {
      throw new IllegalArgumentException(
          "the prior needs positive events and seconds (were "
              + priorEvents
              + ", "
              + priorSeconds
              + ")");
    }
  }

  /** Returns the chance of at least one event within {@code window} seconds. */
  public double probability(int eventsSeen, double secondsWatched, double window) {
    if (eventsSeen < 0 || !(secondsWatched >= 0) || !(window >= 0)) {
      throw new IllegalArgumentException(
          "events, seconds watched and window must not be negative (were "
              + eventsSeen
              + ", "
              + secondsWatched
              + ", "
              + window
              + ")");
    }
    double shape = priorEvents + eventsSeen;
    double rateWeight = priorSeconds + secondsWatched;
    double none = Math.exp(shape * Math.log(rateWeight / (rateWeight + window)));
    return 1 - none;
  }

  /** The posterior mean rate, events per second. */
  public double rate(int eventsSeen, double secondsWatched) {
    return (priorEvents + eventsSeen) / (priorSeconds + secondsWatched);
  }
}
