package dev.apigw.test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import dev.apigw.definition.Problems;
import dev.apigw.deploy.StageCompiler;
import dev.apigw.model.Api;
import dev.apigw.model.Deployment;
import dev.apigw.model.ResourceTree;
import dev.apigw.pipeline.InvocationFilter;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.response.GatewayResponseWriter;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.DeployedStage;
import dev.apigw.routing.GatewayEnvironment;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.Mount;
import dev.apigw.routing.ResourceRuntime;
import dev.apigw.routing.StageRuntime;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

/**
 * Unit tests of one pipeline phase: compiles a stage of an API as a deployment does (the
 * definition checks, resource tree and integrations), compiles the phase for it, and runs
 * the phase's stage filter on a {@link MockServerWebExchange} whose invocation was started
 * and matched as the mount and invocation phases do, with a chain that records what it was
 * handed.
 */
public final class StageHarness {

	/** The deployment id of every stage a harness compiles. */
	public static final String DEPLOYMENT_ID = "d1";

	/** The largest request body the invocation phase of {@link #respond} accepts, as AWS's. */
	public static final long MAX_BODY_SIZE = 10 * 1024 * 1024;

	private static final GatewayEnvironment ENVIRONMENT = new GatewayEnvironment("us-east-1", "123456789012");

	private final DeployedStage deployed;

	private final Mount mount;

	private final String mountPath;

	private StageHarness(DeployedStage deployed) {
		this.deployed = deployed;
		this.mount = new Mount(deployed, true);
		this.mountPath = "/" + deployed.stage().api().id() + "/" + deployed.stage().stageName();
	}

	/**
	 * Compiles a stage of an API without any phase.
	 * @param api the API
	 * @param stage the stage's name
	 * @return the harness
	 */
	public static StageHarness deploy(Api api, String stage) {
		return new StageHarness(compiler().compile(deployment(api), api.stages().get(stage)));
	}

	/**
	 * A stage compiler with the given phases only, as the gateway's would run them.
	 * @param phases the phases
	 * @return the compiler
	 */
	public static StageCompiler compiler(PipelinePhase... phases) {
		return new StageCompiler(Arrays.asList(phases), List.of(), ENVIRONMENT, null);
	}

	/**
	 * A deployment of an API.
	 * @param api the API
	 * @return the deployment
	 */
	public static Deployment deployment(Api api) {
		return new Deployment(DEPLOYMENT_ID, Instant.EPOCH, null, api);
	}

	/**
	 * The compiled stage.
	 * @return its runtime
	 */
	public StageRuntime stage() {
		return this.deployed.stage();
	}

	/**
	 * Compiles a phase for the stage.
	 * @param phase the phase
	 * @return its stage filter, {@code null} when it has nothing to do for the stage
	 * @throws dev.apigw.definition.InvalidApiDefinitionException when it reports problems
	 */
	public @Nullable GatewayFilter compile(PipelinePhase phase) {
		Problems problems = new Problems(stage().api());
		GatewayFilter filter = phase.compile(stage(), problems);
		problems.throwIfAny();
		return filter;
	}

	/**
	 * A request to the stage's mount ({@code /<api>/<stage><path>}).
	 * @param method the verb
	 * @param path the path below the mount, with its query string
	 * @return a builder
	 */
	public MockServerHttpRequest.BodyBuilder request(HttpMethod method, String path) {
		return MockServerHttpRequest.method(method, this.mountPath + path);
	}

	/**
	 * An exchange of a request to the stage's mount, with its invocation started and its
	 * resource and method matched.
	 * @param request the request, to a path below the mount
	 * @return the exchange
	 */
	public MockServerWebExchange exchange(MockServerHttpRequest request) {
		MockServerWebExchange exchange = started(request);
		ApiInvocation invocation = invocation(exchange);
		ResourceTree.Match<ResourceRuntime> match = stage().resources().match(invocation.path());
		MethodRuntime method = (match != null) ? match.resource().method(request.getMethod().name()) : null;
		if (method == null) {
			throw new IllegalArgumentException("No method of " + stage() + " matches " + request.getMethod() + " "
					+ invocation.path());
		}
		invocation.matched(method, match.pathParameters());
		return exchange;
	}

	/**
	 * An exchange of a request to the stage's mount, with its invocation started as the
	 * mount phase starts it, but no resource or method matched yet (the invocation phase
	 * matches them).
	 * @param request the request, to a path below the mount
	 * @return the exchange
	 */
	public MockServerWebExchange started(MockServerHttpRequest request) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		String rawPath = request.getURI().getRawPath();
		if (!rawPath.startsWith(this.mountPath)) {
			throw new IllegalArgumentException(rawPath + " is not below " + this.mountPath);
		}
		String path = rawPath.substring(this.mountPath.length());
		ApiInvocation invocation = new ApiInvocation(exchange, this.mount, stage(), this.mountPath, path,
				Instant.EPOCH.toEpochMilli());
		exchange.getAttributes().put(ApiInvocation.ATTRIBUTE, invocation);
		return exchange;
	}

	/**
	 * The invocation of an exchange.
	 * @param exchange the exchange
	 * @return the invocation
	 */
	public static ApiInvocation invocation(ServerWebExchange exchange) {
		return ApiInvocation.required(exchange);
	}

	/**
	 * Runs a stage filter to its end.
	 * @param filter the filter
	 * @param exchange the exchange
	 * @param chain the rest of the pipeline
	 * @return the error the filter ended with, {@code null} when it completed
	 */
	public static @Nullable Throwable run(GatewayFilter filter, ServerWebExchange exchange, GatewayFilterChain chain) {
		Throwable[] error = new Throwable[1];
		filter.filter(exchange, chain).onErrorResume((ex) -> {
			error[0] = ex;
			return Mono.empty();
		}).block(Duration.ofSeconds(10));
		return error[0];
	}

	/**
	 * Runs a stage filter behind the invocation phase, as the gateway runs every phase, so
	 * that a failure of the phase is answered with the gateway response a client gets.
	 * @param filter the filter
	 * @param exchange the exchange
	 * @param chain the rest of the pipeline
	 * @throws IllegalStateException when the invocation phase itself fails
	 */
	public static void respond(GatewayFilter filter, ServerWebExchange exchange, GatewayFilterChain chain) {
		InvocationFilter invocation = new InvocationFilter(new GatewayResponseWriter(), MAX_BODY_SIZE, List.of());
		Throwable error = run(invocation, exchange, (invoked) -> filter.filter(invoked, chain));
		if (error != null) {
			throw new IllegalStateException("The invocation phase failed", error);
		}
	}

	/**
	 * A chain that records the exchange it is handed and then runs the rest of the pipeline
	 * a test stands in for.
	 */
	public static final class RecordingChain implements GatewayFilterChain {

		private final GatewayFilterChain next;

		private @Nullable ServerWebExchange exchange;

		private int calls;

		/**
		 * A chain that completes at once.
		 */
		public RecordingChain() {
			this((exchange) -> Mono.empty());
		}

		/**
		 * A chain that runs what follows the phase.
		 * @param next stands in for the later phases and the integration
		 */
		public RecordingChain(GatewayFilterChain next) {
			this.next = next;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange) {
			this.exchange = exchange;
			this.calls++;
			return this.next.filter(exchange);
		}

		/**
		 * Whether the phase passed the request on.
		 * @return {@code true} when it did
		 */
		public boolean called() {
			return this.calls > 0;
		}

		/**
		 * How often the phase passed a request on.
		 * @return the number of calls
		 */
		public int calls() {
			return this.calls;
		}

		/**
		 * The exchange the phase passed on.
		 * @return the exchange
		 * @throws IllegalStateException when the phase did not pass the request on
		 */
		public ServerWebExchange exchange() {
			if (this.exchange == null) {
				throw new IllegalStateException("The chain was not called");
			}
			return this.exchange;
		}

	}

}
