package dev.apigw.test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.definition.Problems;
import dev.apigw.deploy.StageCompiler;
import dev.apigw.model.Api;
import dev.apigw.model.Deployment;
import dev.apigw.model.ResourceTree;
import dev.apigw.pipeline.PipelinePhase;
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
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drives one pipeline phase without a server, for unit tests: compiles an API's stage as a
 * deployment would (definition checks, resource tree, integrations, then the phases under
 * test), builds a {@link MockServerWebExchange} carrying an {@link ApiInvocation} matched
 * to a method as the invocation phase would, and runs a compiled stage filter with a chain
 * that records whether the request went on.
 */
public final class PhaseHarness {

	/** The region and account of the stages compiled here. */
	public static final GatewayEnvironment ENVIRONMENT = new GatewayEnvironment("us-east-1", "123456789012");

	private PhaseHarness() {
	}

	/**
	 * Compiles a stage of an API with the given phases, as every deployment is compiled.
	 * @param api the API
	 * @param stage the stage name
	 * @param phases the phases
	 * @return the deployed stage
	 * @throws InvalidApiDefinitionException naming every problem, as start-up would
	 */
	public static DeployedStage deploy(Api api, String stage, PipelinePhase... phases) {
		StageCompiler compiler = new StageCompiler(Arrays.asList(phases), List.of(), ENVIRONMENT, null);
		return compiler.compile(new Deployment("d1", Instant.EPOCH, null, api), api.stages().get(stage));
	}

	/**
	 * Compiles one phase for a deployed stage.
	 * @param phase the phase
	 * @param stage the stage
	 * @return the phase's filter for the stage, {@code null} when it has nothing to do
	 * @throws InvalidApiDefinitionException naming what the phase reported
	 */
	public static @Nullable GatewayFilter compile(PipelinePhase phase, DeployedStage stage) {
		Problems problems = new Problems(stage.stage().api());
		GatewayFilter filter = phase.compile(stage.stage(), problems);
		problems.throwIfAny();
		return filter;
	}

	/**
	 * An exchange inside the stage's mount, whose invocation matched the method of the
	 * request's verb and path (the request's path is the path below the mount, as
	 * {@code /pets/1}).
	 * @param stage the stage
	 * @param request the request
	 * @return the exchange
	 * @throws IllegalArgumentException when no method matches
	 */
	public static MockServerWebExchange exchange(DeployedStage stage, MockServerHttpRequest request) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		StageRuntime runtime = stage.stage();
		String path = request.getURI().getRawPath();
		ApiInvocation invocation = new ApiInvocation(exchange, new Mount(stage, true),
				"/" + runtime.api().id() + "/" + runtime.stageName(), path, 0);
		ResourceTree.Match<ResourceRuntime> match = runtime.resources().match(path);
		MethodRuntime method = (match != null) ? match.resource().method(request.getMethod().name()) : null;
		if (method == null) {
			throw new IllegalArgumentException("No method for " + request.getMethod() + " " + path);
		}
		invocation.matched(method, match.pathParameters());
		exchange.getAttributes().put(ApiInvocation.ATTRIBUTE, invocation);
		return exchange;
	}

	/**
	 * Runs a filter to its end.
	 * @param filter the filter
	 * @param exchange the exchange
	 * @return what happened
	 */
	public static Outcome run(GatewayFilter filter, ServerWebExchange exchange) {
		RecordingChain chain = new RecordingChain();
		Throwable error = null;
		try {
			filter.filter(exchange, chain).block(Duration.ofSeconds(10));
		}
		catch (RuntimeException ex) {
			error = ex;
		}
		return new Outcome(chain.passed, error);
	}

	/**
	 * What running a filter did.
	 *
	 * @param passed the exchange the filter handed to the rest of the chain, {@code null}
	 * when it ended the request
	 * @param error what the filter failed with, {@code null} when it completed
	 */
	public record Outcome(@Nullable ServerWebExchange passed, @Nullable Throwable error) {

		/**
		 * Whether the request went on to the next phase.
		 * @return {@code true} when it did
		 */
		public boolean wentOn() {
			return this.passed != null;
		}

	}

	private static final class RecordingChain implements GatewayFilterChain {

		private @Nullable ServerWebExchange passed;

		@Override
		public Mono<Void> filter(ServerWebExchange exchange) {
			this.passed = exchange;
			return Mono.empty();
		}

	}

}
