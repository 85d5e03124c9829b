package dev.slipstream.gateway.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;

/**
 * What a field costs against the complexity limit: one, plus what it selects times the number of
 * items it may return when it takes a {@code first} argument (its default when not given), so a
 * page of 100 bets with ten fields each costs about 1,000, not 11.
 */
final class ListComplexity implements FieldComplexityCalculator {
  @Override
  public int calculate(FieldComplexityEnvironment env, int childComplexity) {
    Object first = env.getArguments().get("first");
    long items = first instanceof Integer n && n > 0 ? n : 1;
    return (int) Math.min(Integer.MAX_VALUE / 2, 1 + items * childComplexity);
  }
}
