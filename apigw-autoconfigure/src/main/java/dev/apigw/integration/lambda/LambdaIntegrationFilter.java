package dev.apigw.integration.lambda;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.apigw.definition.Problems;
import dev.apigw.integration.IntegrationResponder;
import dev.apigw.integration.IntegrationResult;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.IntegrationType;
import dev.apigw.pipeline.FilterOrders;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.response.ContentTypes;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.CompiledIntegration;
import dev.apigw.routing.FunctionReference;
import dev.apigw.routing.GatewayEnvironment;
import dev.apigw.routing.IntegrationPayload;
import dev.apigw.routing.StageRuntime;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.server.ServerWebExchange;

/**
 * The LAMBDA and LAMBDA_PROXY integrations, served in-process for {@code lambda:} URLs: the
 * function of the compiled integration is invoked on a bounded scheduler (never on the
 * event loop) with the integration timeout (504 past it).
 * <ul>
 * <li>LAMBDA_PROXY: the function gets the proxy event; its result is validated as AWS does
 * and written as the response; a malformed result or a thrown exception is answered 502
 * {@code {"message": "Internal server error"}}.</li>
 * <li>LAMBDA: the function gets the integration request payload (which must be JSON); its
 * result, or Lambda's error document with {@code errorMessage} for selection patterns,
 * goes through the integration responses.</li>
 * </ul>
 */
public final class LambdaIntegrationFilter implements PipelinePhase, GatewayFilter, DisposableBean {

	private static final Log logger = LogFactory.getLog(LambdaIntegrationFilter.class);

	private static final byte[] EMPTY_PAYLOAD = { '{', '}' };

	private final LambdaFunctionRegistry registry;

	private final IntegrationResponder responder;

	private final GatewayEnvironment environment;

	private final Scheduler scheduler;

	private final LambdaCodec codec = new LambdaCodec();

	/**
	 * Creates the filter.
	 * @param registry the functions
	 * @param responder the integration response phase (LAMBDA)
	 * @param environment region and account for function ARNs
	 * @param threads the most functions running at once
	 * @param queueCapacity the most invocations waiting for a thread
	 */
	public LambdaIntegrationFilter(LambdaFunctionRegistry registry, IntegrationResponder responder,
			GatewayEnvironment environment, int threads, int queueCapacity) {
		this.registry = registry;
		this.responder = responder;
		this.environment = environment;
		// one queue shared by every thread: a task waits for whichever thread frees first, never
		// behind a handler that is stuck (as with a scheduler that pins tasks to threads)
		CustomizableThreadFactory threadFactory = new CustomizableThreadFactory("apigw-lambda-");
		threadFactory.setDaemon(true);
		ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(queueCapacity), threadFactory);
		executor.allowCoreThreadTimeOut(true);
		this.scheduler = Schedulers.fromExecutorService(executor, "apigw-lambda");
	}

	@Override
	public int getOrder() {
		return FilterOrders.IN_PROCESS_INTEGRATION;
	}

	@Override
	public @Nullable GatewayFilter compile(StageRuntime stage, Problems problems) {
		return (PipelinePhase.anyIntegration(stage.api(), IntegrationType.AWS, IntegrationType.AWS_PROXY)) ? this : null;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
		ApiInvocation invocation = ApiInvocation.of(exchange);
		if (invocation == null || url == null || !"lambda".equals(url.getScheme())
				|| ServerWebExchangeUtils.isAlreadyRouted(exchange)) {
			return chain.filter(exchange);
		}
		ServerWebExchangeUtils.setAlreadyRouted(exchange);
		CompiledIntegration integration = invocation.requiredMethod().integration();
		FunctionReference reference = integration.function();
		LambdaFunction function = (reference != null) ? this.registry.resolve(reference) : null;
		if (function == null) {
			logger.warn(exchange.getLogPrefix() + "Execution failed due to configuration error: no Lambda function "
					+ reference);
			return Mono.error(new GatewayResponseException(GatewayResponseType.API_CONFIGURATION_ERROR));
		}
		IntegrationPayload payload = invocation.handoffs().requiredIntegrationPayload();
		byte[] body = (payload.body() != null) ? payload.body() : new byte[0];
		Duration timeout = integration.definition().timeout();
		Mono<Void> result = (integration.definition().type() == IntegrationType.AWS_PROXY)
				? proxy(exchange, invocation, function, reference, body, timeout)
				: nonProxy(exchange, invocation, function, reference, body, timeout);
		return result.then(chain.filter(exchange));
	}

	private Mono<Void> proxy(ServerWebExchange exchange, ApiInvocation invocation, LambdaFunction function,
			FunctionReference reference, byte[] body, Duration timeout) {
		Map<String, Object> event = ProxyEvent.create(exchange.getRequest(), invocation, body);
		long start = System.nanoTime();
		return invoke(invocation, function, reference, timeout, () -> this.codec.proxyInput(event, function.inputType()))
			.onErrorMap((error) -> !(error instanceof GatewayResponseException), (error) -> {
				logger.warn(exchange.getLogPrefix() + "Lambda function " + reference + " failed: " + error, error);
				return malformed();
			})
			.map((output) -> {
				invocation.integrationLatency((System.nanoTime() - start) / 1_000_000);
				try {
					JsonNode tree = this.codec.tree(output.orElse(null));
					return ProxyResponse.of(tree, invocation.stage().api().binaryMediaTypes(),
							exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT));
				}
				catch (ProxyResponse.MalformedException | JacksonException ex) {
					logger.warn(exchange.getLogPrefix() + "Execution failed due to configuration error: Malformed "
							+ "Lambda proxy response from " + reference + ": " + ex.getMessage());
					throw malformed();
				}
			})
			.flatMap((response) -> write(exchange.getResponse(), invocation, response));
	}

	private Mono<Void> nonProxy(ServerWebExchange exchange, ApiInvocation invocation, LambdaFunction function,
			FunctionReference reference, byte[] body, Duration timeout) {
		long start = System.nanoTime();
		// an empty payload is {} on AWS too
		byte[] bytes = (body.length > 0) ? body : EMPTY_PAYLOAD;
		JsonNode payload;
		try {
			payload = this.codec.parse(bytes);
		}
		catch (JacksonException ex) {
			return respond(exchange, invocation, start,
					failure(new IllegalArgumentException("Could not parse request body into json: " + ex.getOriginalMessage())));
		}
		return invoke(invocation, function, reference, timeout,
				() -> this.codec.payloadInput(payload, bytes, function.inputType()))
			.map((output) -> new IntegrationResult(200, new HttpHeaders(), this.codec.bytes(output.orElse(null)), null))
			.onErrorResume((error) -> !(error instanceof GatewayResponseException), (error) -> {
				logger.debug(exchange.getLogPrefix() + "Lambda function " + reference + " failed", error);
				return Mono.just(failure(error));
			})
			.flatMap((result) -> respond(exchange, invocation, start, result));
	}

	private Mono<Void> respond(ServerWebExchange exchange, ApiInvocation invocation, long start,
			IntegrationResult result) {
		invocation.integrationLatency((System.nanoTime() - start) / 1_000_000);
		return this.responder.respond(exchange, exchange.getResponse(), invocation, result);
	}

	private IntegrationResult failure(Throwable error) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Amz-Function-Error", "Unhandled");
		headers.set(HttpHeaders.CONTENT_TYPE, ContentTypes.APPLICATION_JSON);
		return new IntegrationResult(200, headers, this.codec.json().writeValueAsBytes(this.codec.error(error)),
				LambdaCodec.message(error));
	}

	/**
	 * Invokes a function off the event loop, converting its input there too, within the
	 * integration timeout.
	 */
	private Mono<Optional<Object>> invoke(ApiInvocation invocation, LambdaFunction function,
			FunctionReference reference, Duration timeout, InputSupplier input) {
		return Mono.defer(() -> {
			long deadline = System.nanoTime() + timeout.toNanos();
			InProcessContext context = new InProcessContext(invocation.requestId(), reference,
					reference.arn(this.environment.region(), this.environment.accountId()), deadline);
			return Mono.fromCallable(() -> {
				try {
					return Optional.ofNullable(function.invoke(input.get(), context));
				}
				catch (Exception | Error ex) {
					throw ex;
				}
				catch (Throwable ex) {
					throw new IllegalStateException(ex);
				}
			}).subscribeOn(this.scheduler);
		})
			.timeout(timeout)
			.onErrorMap(TimeoutException.class, (ex) -> {
				logger.warn("Lambda function " + reference + " timed out after " + timeout.toMillis() + " ms");
				return new GatewayResponseException(GatewayResponseType.INTEGRATION_TIMEOUT);
			})
			.onErrorMap(RejectedExecutionException.class, (ex) -> {
				logger.warn("Lambda function " + reference + " throttled: " + ex.getMessage());
				return new GatewayResponseException(GatewayResponseType.INTEGRATION_FAILURE, "Internal server error",
						500);
			});
	}

	private static GatewayResponseException malformed() {
		return new GatewayResponseException(GatewayResponseType.INTEGRATION_FAILURE, "Internal server error", 502);
	}

	private static Mono<Void> write(ServerHttpResponse target, ApiInvocation invocation, ProxyResponse response) {
		HttpHeaders headers = target.getHeaders();
		headers.clear();
		headers.putAll(response.headers());
		headers.set("X-Amzn-Trace-Id", invocation.traceId());
		target.setStatusCode(HttpStatusCode.valueOf(response.status()));
		headers.setContentLength(response.body().length);
		return target.writeWith(Mono.just(target.bufferFactory().wrap(response.body())));
	}

	@Override
	public void destroy() {
		this.scheduler.dispose();
	}

	@FunctionalInterface
	private interface InputSupplier {

		@Nullable Object get() throws Exception;

	}

}
