package dev.slipstream.markets.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PricingModelsTest {

  @Test
  void theNormalCdfMatchesTabulatedValues() {
    assertThat(Normal.cdf(0)).isEqualTo(0.5);
    assertThat(Normal.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-14));
    assertThat(Normal.cdf(-3)).isCloseTo(0.0013498980316301, within(1e-15));
    assertThat(Normal.cdf(0.3)).isCloseTo(0.6179114221889527, within(1e-14));
    assertThat(Normal.cdf(5)).isCloseTo(0.9999997133484281, within(1e-15));
    assertThat(Normal.cdf(-8)).isCloseTo(6.22096057427178e-16, within(1e-20));
  }

  @Test
  void barrierCrossingAgreesWithSimulatedPathsWatchedFifteenTimesASecond() {
    SplittableRandom random = new SplittableRandom(42);
    double dt = 1.0 / 15;
    double[][] cases = {
      // current, barrier, seconds, drift, volatility
      {8.0, 9.0, 10, 0.05, 0.6},
      {8.5, 9.0, 5, 0.0, 0.4},
      {7.0, 9.0, 10, 0.2, 0.5},
      {8.8, 9.0, 3, -0.1, 0.3},
    };
    for (double[] c : cases) {
      int paths = 20_000;
      int crossed = 0;
      int steps = (int) Math.round(c[2] / dt);
      for (int n = 0; n < paths; n++) {
        double v = c[0];
        for (int i = 0; i < steps; i++) {
          v += c[3] * dt + c[4] * Math.sqrt(dt) * random.nextGaussian();
          if (v >= c[1]) {
            crossed++;
            break;
          }
        }
      }
      double simulated = (double) crossed / paths;
      double priced = BarrierCrossing.probability(c[0], c[1], c[2], c[3], c[4], dt);
      double continuous = BarrierCrossing.probability(c[0], c[1], c[2], c[3], c[4], 0);
      assertThat(priced)
          .as("case %s", java.util.Arrays.toString(c))
          .isCloseTo(simulated, within(0.012));
      assertThat(continuous).as("watching continuously crosses more").isGreaterThan(priced);
    }
  }

  @Test
  void barrierCrossingEdges() {
    assertThat(BarrierCrossing.probability(9.5, 9.0, 10, 0, 0.5, 0.066)).isEqualTo(1);
    assertThat(BarrierCrossing.probability(8.0, 9.0, 0, 0, 0.5, 0.066)).isZero();
    assertThat(BarrierCrossing.probability(8.0, 9.0, 10, 0.2, 0, 0)).isEqualTo(1);
    assertThat(BarrierCrossing.probability(8.0, 9.0, 10, 0.05, 0, 0)).isZero();
    assertThat(BarrierCrossing.probability(0, 100, 10, 5, 0.1, 0.066))
        .as("a huge drift term in log space, no overflow")
        .isBetween(0.0, 1.0);
    assertThatThrownBy(() -> BarrierCrossing.probability(8, 9, -1, 0, 1, 0))
        .hasMessageContaining("must not be negative");
  }

  @Test
  void driftAndVolatilityAreRecoveredFromASampledSeries() {
    SplittableRandom random = new SplittableRandom(7);
    DriftVolatility estimate = new DriftVolatility(20);
    double dt = 1.0 / 15;
    double v = 5;
    for (int i = 0; i <= 15 * 120; i++) {
      estimate.add(i * dt, v);
      v += 0.3 * dt + 0.8 * Math.sqrt(dt) * random.nextGaussian();
    }
    assertThat(estimate.volatility()).isCloseTo(0.8, within(0.06));
    assertThat(estimate.drift()).isCloseTo(0.3, within(0.45));
    assertThat(estimate.samples()).isEqualTo(15 * 120 + 1);
    assertThatThrownBy(() -> estimate.add(0, 1)).hasMessageContaining("forward in time");
  }

  @Test
  void theEventHazardCarriesTheRatesUncertaintyAndLearnsIt() {
    EventHazard hazard = new EventHazard(1, 60);
    // No history: one event a minute a priori; 15 s window.
    assertThat(hazard.probability(0, 0, 15)).isCloseTo(1 - 60.0 / 75, within(1e-12));
    // Long history at one event every 20 s: close to the Poisson answer 1 − e^(−15/20).
    assertThat(hazard.probability(500, 10_000, 15)).isCloseTo(1 - Math.exp(-0.75), within(0.005));
    assertThat(hazard.rate(500, 10_000)).isCloseTo(501.0 / 10_060, within(1e-12));
    assertThatThrownBy(() -> new EventHazard(0, 60)).hasMessageContaining("positive");
  }

  @Test
  void bothMarginMethodsReachTheOverroundAndLoadLongshotsMore() {
    double[] fair = {0.6, 0.3, 0.1};
    for (Margin method : Margin.values()) {
      double[] booked = method.apply(fair, 1.06);
      double total = 0;
      for (double q : booked) {
        total += q;
      }
      assertThat(total).as(method.name()).isCloseTo(1.06, within(1e-9));
      assertThat(booked[0]).isGreaterThan(0.6).isLessThan(1);
      assertThat(booked[2] / fair[2])
          .as(method + ": longshot loaded more")
          .isGreaterThan(booked[0] / fair[0]);
    }
    assertThat(Margin.POWER.apply(fair, 1.0)).containsExactly(fair);
    assertThatThrownBy(() -> Margin.POWER.apply(new double[] {0.5, 0.4}, 1.05))
        .hasMessageContaining("sum to 1");
    assertThatThrownBy(() -> Margin.ODDS_RATIO.apply(fair, 2)).hasMessageContaining("overround");
  }

  @Test
  void oddsReadInEveryFormat() {
    Odds evensAndAHalf = Odds.ofProbability(0.4);
    assertThat(evensAndAHalf.decimalBasisPoints()).isEqualTo(25_000);
    assertThat(evensAndAHalf.asDecimal()).isEqualTo("2.50");
    assertThat(evensAndAHalf.asFractional()).isEqualTo("3/2");
    assertThat(evensAndAHalf.asAmerican()).isEqualTo("+150");
    assertThat(evensAndAHalf.returnFor(1_000)).isEqualTo(2_500);
    Odds favourite = new Odds(12_500);
    assertThat(favourite.asFractional()).isEqualTo("1/4");
    assertThat(favourite.asAmerican()).isEqualTo("-400");
    assertThat(new Odds(20_000).asAmerican()).isEqualTo("+100");
    assertThat(Odds.ofProbability(0.999).decimalBasisPoints()).isEqualTo(Odds.MIN_BASIS_POINTS);
    assertThat(Odds.ofProbability(0.3).decimalBasisPoints())
        .as("rounded down, never longer than the book")
        .isEqualTo(33_333);
    assertThatThrownBy(() -> new Odds(10_000)).hasMessageContaining("1.01 to 1000");
  }
}
