package dev.slipstream.gateway.graphql;

import dev.slipstream.gateway.auth.AccessDeniedException;
import dev.slipstream.platform.RejectedException;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a resolver refuses into a GraphQL error with the same stable {@code code} a REST
 * problem would carry ({@code extensions.code}); anything else is logged and answered as {@code
 * internal_error} without its details.
 */
final class CodedErrors implements DataFetcherExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(CodedErrors.class);

  @Override
  public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
      DataFetcherExceptionHandlerParameters parameters) {
    Throwable failure = parameters.getException();
    GraphqlErrorBuilder<?> error =
        GraphqlErrorBuilder.newError()
            .path(parameters.getPath())
            .location(parameters.getSourceLocation());
    if (failure instanceof RejectedException rejected) {
      error.message(rejected.getMessage()).extensions(Map.of("code", rejected.code()));
    } else if (failure instanceof AccessDeniedException denied) {
      error.message(denied.getMessage()).extensions(Map.of("code", denied.code()));
    } else {
      log.error("GraphQL resolver at {} failed", parameters.getPath(), failure);
      error
          .message("the server failed; it has been logged")
          .extensions(Map.of("code", "internal_error"));
    }
    return CompletableFuture.completedFuture(
        DataFetcherExceptionHandlerResult.newResult().error(error.build()).build());
  }
}
