package dev.apigw.management;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.apigw.auth.iam.IamCredentialsRepository;
import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.routing.GatewayEnvironment;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriUtils;

/**
 * Serves AWS API Gateway's management API under a base path: reads the call, has it
 * authenticated and authorized, routes it to its operation (on a bounded elastic thread:
 * operations may block on the deployment store) and answers with AWS's JSON, or with AWS's
 * error type and message. Requests outside the base path pass on untouched.
 */
public final class ManagementWebFilter implements WebFilter, Ordered {

	private static final Log logger = LogFactory.getLog(ManagementWebFilter.class);

	private final String basePath;

	private final int order;

	private final int maxBodySize;

	private final ManagementAuthenticator authenticator;

	private final RestApiOperations restApis;

	private final DeploymentOperations deployments;

	private final StageOperations stages;

	private final @Nullable UsageRoutes usage;

	/**
	 * Creates the filter.
	 * @param basePath where the API is served, e.g. {@code /apigw/management}
	 * @param order the filter's order, before the gateway's own web filters
	 * @param maxBodySize the largest request body accepted, in bytes
	 * @param registry the deployments everything goes through
	 * @param credentials finds the callers' credentials and policies
	 * @param environment the gateway's region and account
	 * @param clock the gateway's clock, for signature times
	 * @param keysAndPlans where API keys, usage plans and usage are served from,
	 * {@code null} to not serve them
	 */
	public ManagementWebFilter(String basePath, int order, int maxBodySize, DeploymentRegistry registry,
			IamCredentialsRepository credentials, GatewayEnvironment environment, Clock clock,
			@Nullable KeysAndPlans keysAndPlans) {
		this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
		this.order = order;
		this.maxBodySize = maxBodySize;
		this.authenticator = new ManagementAuthenticator(credentials, clock, environment);
		ManagedApis apis = new ManagedApis(registry, environment);
		this.restApis = new RestApiOperations(apis);
		this.deployments = new DeploymentOperations(apis);
		this.stages = new StageOperations(apis);
		this.usage = (keysAndPlans != null) ? new UsageRoutes(keysAndPlans, apis, clock) : null;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		if (!path.equals(this.basePath) && !path.startsWith(this.basePath + "/")) {
			return chain.filter(exchange);
		}
		String below = path.substring(this.basePath.length());
		String resource = below.isEmpty() ? "/" : below;
		return body(request)
			.flatMap((body) -> this.authenticator.authenticate(request, body, resource)
				.map((caller) -> new ManagementRequest(request.getMethod().name(), segments(resource),
						request.getQueryParams(), body, caller)))
			.flatMap((call) -> Mono.fromCallable(() -> route(call)).subscribeOn(Schedulers.boundedElastic()))
			.onErrorResume(ManagementError.class, (ex) -> Mono.just(error(ex)))
			.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.just(error(ManagementError.tooLarge(
					"Request body exceeds " + this.maxBodySize + " bytes"))))
			.onErrorResume((ex) -> {
				logger.error(exchange.getLogPrefix() + "Management call " + request.getMethod() + " " + path
						+ " failed", ex);
				return Mono.just(error(new ManagementError(500, "InternalFailure", "Internal server error")));
			})
			.flatMap((result) -> write(exchange.getResponse(), result));
	}

	private ManagementResult route(ManagementRequest call) {
		List<String> path = call.segments();
		String method = call.method();
		if (!path.isEmpty() && this.usage != null && UsageRoutes.ROOTS.contains(path.get(0))) {
			return this.usage.route(call);
		}
		if (path.isEmpty() || !path.get(0).equals("restapis") || path.size() > 4) {
			throw ManagementResult.unsupported(call);
		}
		if (path.size() == 1) {
			return switch (method) {
				case "GET" -> this.restApis.list(call);
				case "POST" -> this.restApis.importApi(call);
				default -> throw ManagementResult.unsupported(call);
			};
		}
		String apiId = path.get(1);
		if (path.size() == 2) {
			return switch (method) {
				case "GET" -> this.restApis.get(apiId);
				case "DELETE" -> this.restApis.delete(apiId, call);
				default -> throw ManagementResult.unsupported(call);
			};
		}
		String collection = path.get(2);
		String key = (path.size() == 4) ? path.get(3) : null;
		if (collection.equals("deployments")) {
			if (key == null) {
				return switch (method) {
					case "GET" -> this.deployments.list(apiId, call);
					case "POST" -> this.deployments.create(apiId, call);
					default -> throw ManagementResult.unsupported(call);
				};
			}
			if (method.equals("GET")) {
				return this.deployments.get(apiId, key);
			}
		}
		if (collection.equals("stages")) {
			if (key == null && method.equals("GET")) {
				return this.stages.list(apiId, call);
			}
			if (key != null && method.equals("GET")) {
				return this.stages.get(apiId, key);
			}
			if (key != null && method.equals("PATCH")) {
				return this.stages.update(apiId, key, call);
			}
		}
		throw ManagementResult.unsupported(call);
	}

	private Mono<byte[]> body(ServerHttpRequest request) {
		return DataBufferUtils.join(request.getBody(), this.maxBodySize).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).defaultIfEmpty(new byte[0]);
	}

	private static List<String> segments(String path) {
		List<String> segments = new ArrayList<>();
		for (String segment : path.split("/")) {
			if (!segment.isEmpty()) {
				segments.add(UriUtils.decode(segment, StandardCharsets.UTF_8));
			}
		}
		return segments;
	}

	private static ManagementResult error(ManagementError error) {
		return new ManagementResult(error.status(), new ErrorBody(error.type(), error.getMessage()));
	}

	private static Mono<Void> write(ServerHttpResponse response, ManagementResult result) {
		response.setStatusCode(HttpStatusCode.valueOf(result.status()));
		response.getHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
		Object body = result.body();
		if (body instanceof ErrorBody error) {
			response.getHeaders().set("x-amzn-ErrorType", error.type());
			body = Map.of("message", String.valueOf(error.message()));
		}
		if (body == null) {
			return response.setComplete();
		}
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		DataBuffer buffer = response.bufferFactory().wrap(JsonBodies.write(body));
		return response.writeWith(Mono.just(buffer));
	}

	private record ErrorBody(String type, String message) {
	}

}
