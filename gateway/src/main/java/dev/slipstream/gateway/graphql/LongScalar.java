package dev.slipstream.gateway.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.util.Locale;

/** The {@code Long} scalar: a 64-bit whole number, written as a JSON number. */
final class LongScalar {
  static final GraphQLScalarType TYPE =
      GraphQLScalarType.newScalar()
          .name("Long")
          .description("A 64-bit whole number.")
          .coercing(new LongCoercing())
          .build();

  private LongScalar() {}

  private static final class LongCoercing implements Coercing<Long, Long> {
    @Override
    public Long serialize(Object value, GraphQLContext context, Locale locale) {
      if (value instanceof Long l) {
        return l;
      }
      if (value instanceof Integer i) {
        return i.longValue();
      }
      throw new CoercingSerializeException("not a whole number: " + value);
    }

    @Override
    public Long parseValue(Object input, GraphQLContext context, Locale locale) {
      if (input instanceof Long || input instanceof Integer) {
        return ((Number) input).longValue();
      }
      if (input instanceof BigInteger b && b.bitLength() < 64) {
        return b.longValue();
      }
      throw new CoercingParseValueException("expected a 64-bit whole number, was " + input);
    }

    @Override
    public Long parseLiteral(
        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      if (input instanceof IntValue i && i.getValue().bitLength() < 64) {
        return i.getValue().longValue();
      }
      throw new CoercingParseLiteralException("expected a 64-bit whole number, was " + input);
    }
  }
}
