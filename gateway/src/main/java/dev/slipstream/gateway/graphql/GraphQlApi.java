package dev.slipstream.gateway.graphql;

import dev.slipstream.gateway.auth.Account;
import dev.slipstream.gateway.auth.Accounts;
import dev.slipstream.gateway.auth.Caller;
import dev.slipstream.gateway.auth.Role;
import dev.slipstream.gateway.wallet.MoneyServices;
import dev.slipstream.markets.service.MarketService;
import dev.slipstream.media.stream.StreamDirectory;
import dev.slipstream.media.stream.StreamInfo;
import dev.slipstream.media.stream.StreamPage;
import dev.slipstream.platform.InvalidInputException;
import dev.slipstream.platform.NotFoundException;
import dev.slipstream.platform.UnauthorizedException;
import dev.slipstream.platform.bus.EventBus;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

/**
 * The GraphQL engine over the same services as REST: streams from the stream directory, markets and
 * analytics from the streams' live bus topics, the caller's account; stored markets, bets, wallet,
 * limits and deposits through the same service calls as their REST routes ({@link MarketFetchers},
 * {@link BetFetchers}, {@link WalletFetchers}) and the caller's account topic ({@link
 * AccountFeed}). List fields cost what they select times their {@code first} ({@link
 * ListComplexity}). Queries deeper than {@value #MAX_DEPTH} or costlier than {@value
 * #MAX_COMPLEXITY} are refused before they run. Refusals carry the same stable {@code code} as REST
 * problems, in the error's {@code extensions}.
 */
public final class GraphQlApi {
  static final int MAX_DEPTH = 8;
  static final int MAX_COMPLEXITY = 1_500;
  private static final int MAX_PAGE = 100;

  private final GraphQL graphQL;
  private final StreamDirectory streams;
  private final @Nullable StreamTopics topics;
  private final @Nullable Accounts accounts;

  /** Builds the engine; without a bus, markets are empty and subscriptions are refused. */
  public GraphQlApi(StreamDirectory streams, @Nullable EventBus bus, @Nullable Accounts accounts) {
    this(streams, bus, accounts, null, null);
  }

  /**
   * Builds the engine over the market service and the money services too (either null: the fields
   * over it are refused with {@code not_served}).
   */
  public GraphQlApi(
      StreamDirectory streams,
      @Nullable EventBus bus,
      @Nullable Accounts accounts,
      @Nullable MarketService markets,
      @Nullable MoneyServices money) {
    this.streams = streams;
    this.topics = bus == null ? null : new StreamTopics(bus);
    this.accounts = accounts;
    RuntimeWiring.Builder wiring = wiring();
    MarketFetchers marketFetchers = new MarketFetchers(markets, streams);
    marketFetchers.wire(wiring);
    new BetFetchers(markets, money, bus, marketFetchers).wire(wiring);
    new WalletFetchers(money).wire(wiring);
    new AccountFeed(bus).wire(wiring);
    GraphQLSchema schema =
        new SchemaGenerator()
            .makeExecutableSchema(new SchemaParser().parse(schemaText()), wiring.build());
    this.graphQL =
        GraphQL.newGraphQL(schema)
            .instrumentation(
                new ChainedInstrumentation(
                    List.of(
                        new MaxQueryDepthInstrumentation(MAX_DEPTH),
                        new MaxQueryComplexityInstrumentation(
                            MAX_COMPLEXITY, new ListComplexity()))))
            .defaultDataFetcherExceptionHandler(new CodedErrors())
            .build();
  }

  /** One GraphQL request: the document, its variables and which operation to run. */
  public record Request(
      @Nullable String query,
      @Nullable Map<String, Object> variables,
      @Nullable String operationName,
      @Nullable Map<String, Object> extensions) {}

  /**
   * Runs {@code request} for {@code caller} (null: anonymous). A subscription's result data is a
   * {@code Publisher<ExecutionResult>} that starts when subscribed.
   */
  public ExecutionResult execute(Request request, @Nullable Caller caller) {
    return execute(request, caller, null, null);
  }

  /**
   * Runs {@code request} for {@code caller} (null: anonymous) coming from {@code address} with the
   * device id {@code device} (both for the fraud rules' sightings; null when unknown).
   */
  public ExecutionResult execute(
      Request request, @Nullable Caller caller, @Nullable String address, @Nullable String device) {
    ExecutionInput input =
        ExecutionInput.newExecutionInput()
            .query(request.query() == null ? "" : request.query())
            .operationName(request.operationName())
            .variables(request.variables() == null ? Map.of() : request.variables())
            .graphQLContext(
                CallerContext.of(
                    caller,
                    address == null
                        ? CallerContext.Origin.UNKNOWN
                        : new CallerContext.Origin(address, device)))
            .build();
    return graphQL.execute(input);
  }

  private RuntimeWiring.Builder wiring() {
    return RuntimeWiring.newRuntimeWiring()
        .scalar(LongScalar.TYPE)
        .type(
            "Query",
            type ->
                type.dataFetcher("streams", this::streams)
                    .dataFetcher(
                        "stream",
                        env -> streams.find(env.getArgument("id")).map(StreamView::of).orElse(null))
                    .dataFetcher("me", this::me))
        .type(
            "Stream",
            type ->
                type.dataFetcher(
                        "markets",
                        env ->
                            topics == null
                                ? List.of()
                                : topics.latestMarkets(env.<StreamView>getSource().id()))
                    .dataFetcher(
                        "analytics",
                        env ->
                            topics == null
                                ? null
                                : topics.latestAnalytics(env.<StreamView>getSource().id())))
        .type("Subscription", type -> type.dataFetcher("marketUpdates", this::marketUpdates));
  }

  private StreamPageView streams(DataFetchingEnvironment env) {
    Integer first = env.getArgument("first");
    if (first == null || first < 1 || first > MAX_PAGE) {
      throw new InvalidInputException(
          "invalid_limit", "first must be 1 to " + MAX_PAGE + " (was " + first + ")");
    }
    StreamPage page = streams.list(Optional.ofNullable(env.<String>getArgument("after")), first);
    return new StreamPageView(
        page.items().stream().map(StreamView::of).toList(), page.nextCursor().orElse(null));
  }

  private AccountView me(DataFetchingEnvironment env) {
    Caller caller = CallerContext.callerIfAny(env);
    if (caller == null || accounts == null) {
      throw new UnauthorizedException(
          "authentication_required", "sign in: send the access token as Authorization: Bearer");
    }
    Account account = accounts.account(caller.userId());
    return new AccountView(
        account.id(),
        account.email(),
        account.displayName(),
        account.roles().stream().sorted().map(Role::wireName).toList());
  }

  private Publisher<StreamTopics.MarketView> marketUpdates(DataFetchingEnvironment env) {
    String streamId = env.getArgument("streamId");
    Long from = env.getArgument("fromSequence");
    if (from != null && from < 1) {
      throw new InvalidInputException(
          "invalid_sequence", "fromSequence is a sequence seen before plus one (was " + from + ")");
    }
    if (streams.find(streamId).isEmpty()) {
      throw new NotFoundException("stream_not_found", "no stream has the id " + streamId);
    }
    if (topics == null) {
      throw new InvalidInputException(
          "no_live_updates", "this server has no bus, so no live updates");
    }
    return topics.marketUpdates(streamId, from);
  }

  private static Reader schemaText() {
    InputStream in = GraphQlApi.class.getResourceAsStream("schema.graphqls");
    if (in == null) {
      throw new UncheckedIOException(new IOException("schema.graphqls is missing"));
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  /** A stream as GraphQL shows it. */
  record StreamView(String id, String title, String state, String createdAt) {
    static StreamView of(StreamInfo s) {
      return new StreamView(s.id(), s.title(), s.state().wireName(), s.createdAt().toString());
    }
  }

  /** A page of streams. */
  record StreamPageView(List<StreamView> items, @Nullable String nextCursor) {}

  /** The caller's account. */
  record AccountView(String id, String email, String displayName, List<String> roles) {}
}
