package dev.apigw.integration.lambda;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.apigw.routing.FunctionReference;
import dev.apigw.routing.GatewayEnvironment;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Invokes the registry's functions with an event of the caller's making, off the event loop
 * on a bounded scheduler, within a timeout: how integrations outside the REST pipeline (the
 * routes of WebSocket APIs) reach in-process Lambda functions. Handlers declaring
 * {@code APIGatewayV2WebSocketEvent} get that POJO; {@code Map} handlers the event as is;
 * stream handlers its JSON.
 */
public final class LambdaInvoker implements DisposableBean {

	private final LambdaFunctionRegistry registry;

	private final GatewayEnvironment environment;

	private final Scheduler scheduler;

	private final LambdaCodec codec = new LambdaCodec();

	/**
	 * Creates an invoker with its own bounded scheduler (threads are created on demand and
	 * end when idle).
	 * @param registry the functions
	 * @param environment region and account for function ARNs
	 * @param threads the most functions running at once
	 * @param queueCapacity the most invocations waiting for a thread
	 * @param name names the scheduler's threads
	 */
	public LambdaInvoker(LambdaFunctionRegistry registry, GatewayEnvironment environment, int threads,
			int queueCapacity, String name) {
		this.registry = registry;
		this.environment = environment;
		CustomizableThreadFactory threadFactory = new CustomizableThreadFactory(name + "-");
		threadFactory.setDaemon(true);
		ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(queueCapacity), threadFactory);
		executor.allowCoreThreadTimeOut(true);
		this.scheduler = Schedulers.fromExecutorService(executor, name);
	}

	/**
	 * Explains why an integration URI names no invocable function.
	 * @param uri the integration URI (stage variables substituted)
	 * @return the reason, or {@code null} when the function resolves
	 */
	public @Nullable String check(String uri) {
		FunctionReference reference = FunctionReference.parse(uri);
		if (reference == null) {
			return "'" + uri + "' names no Lambda function: write a function name, a function ARN or "
					+ "arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function}/invocations";
		}
		try {
			return (this.registry.resolve(reference) != null) ? null : this.registry.unknown(reference);
		}
		catch (RuntimeException ex) {
			return ex.getMessage();
		}
	}

	/**
	 * Invokes a function.
	 * @param reference the function
	 * @param event the event or payload (JSON-like maps, lists and scalars)
	 * @param requestId the request id the function's context reports
	 * @param timeout how long the function may take; past it the result is a
	 * {@link java.util.concurrent.TimeoutException}
	 * @return the result as JSON ({@code null} node for a {@code null} result); an error
	 * with what the function threw, or {@link IllegalArgumentException} when no function is
	 * registered under the reference
	 */
	public Mono<JsonNode> invoke(FunctionReference reference, @Nullable Object event, String requestId,
			Duration timeout) {
		return Mono.defer(() -> {
			LambdaFunction function = this.registry.resolve(reference);
			if (function == null) {
				return Mono.error(new IllegalArgumentException(this.registry.unknown(reference)));
			}
			long deadline = System.nanoTime() + timeout.toNanos();
			InProcessContext context = new InProcessContext(requestId, reference,
					reference.arn(this.environment.region(), this.environment.accountId()), deadline);
			return Mono.fromCallable(() -> {
				Object output;
				try {
					output = function.invoke(input(event, function.inputType()), context);
				}
				catch (Exception | Error ex) {
					throw ex;
				}
				catch (Throwable ex) {
					throw new IllegalStateException(ex);
				}
				return Optional.ofNullable(output);
			}).subscribeOn(this.scheduler).timeout(timeout).map((output) -> tree(output.orElse(null)));
		});
	}

	/**
	 * Lambda's error document for a failed invocation ({@code errorMessage},
	 * {@code errorType}, {@code stackTrace}).
	 * @param error what the function threw
	 * @return the document
	 */
	public Map<String, Object> error(Throwable error) {
		return this.codec.error(error);
	}

	/**
	 * Writes JSON.
	 * @param value the value
	 * @return the JSON bytes
	 */
	public byte[] json(@Nullable Object value) {
		return this.codec.json().writeValueAsBytes(value);
	}

	@SuppressWarnings("unchecked")
	private @Nullable Object input(@Nullable Object event, Class<?> type) {
		if (type == byte[].class) {
			return this.codec.json().writeValueAsBytes(event);
		}
		if (event instanceof Map<?, ?> map && type.getName().equals(WebSocketEventPojos.EVENT)) {
			return WebSocketEventPojos.event((Map<String, Object>) map);
		}
		if (event == null || type.isInstance(event)) {
			return event;
		}
		if (event instanceof Map<?, ?> && type.isAssignableFrom(LinkedHashMap.class)) {
			return event;
		}
		return this.codec.json().convertValue(event, type);
	}

	private JsonNode tree(@Nullable Object output) {
		if (output != null && output.getClass().getName().equals(WebSocketEventPojos.RESPONSE)) {
			return this.codec.json().valueToTree(WebSocketEventPojos.response(output));
		}
		return this.codec.tree(output);
	}

	@Override
	public void destroy() {
		this.scheduler.dispose();
	}

}
