package dev.apigw.routing;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.apigw.model.GatewayResponseType;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Everything known about one request as it moves through the phases: the API, stage and
 * deployment it reached, the resource and method it matched, path parameters, identity,
 * authorizer result, request ids and timings. Each phase reads and writes this one object;
 * {@code $context} in templates, gateway responses and access logs is a view of it.
 */
public final class ApiInvocation {

	/** The exchange attribute holding the invocation. */
	public static final String ATTRIBUTE = ApiInvocation.class.getName();

	private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter
		.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US)
		.withZone(ZoneOffset.UTC);

	private final Mount mount;

	private final StageRuntime stage;

	private final String mountPath;

	private final String path;

	private final String httpMethod;

	private final String requestId = RequestIds.requestId();

	private final String extendedRequestId = RequestIds.extendedRequestId();

	private final long requestTimeEpoch;

	private final long startNanos = System.nanoTime();

	private final @Nullable String host;

	private final @Nullable String sourceIp;

	private final @Nullable String userAgent;

	private @Nullable MethodRuntime method;

	private Map<String, String> pathParameters = Map.of();

	private final Map<String, Object> identity = new HashMap<>();

	private @Nullable Map<String, Object> authorizer;

	private @Nullable String usageIdentifierKey;

	private @Nullable GatewayResponseType errorType;

	private @Nullable String errorMessage;

	private @Nullable String validationErrorString;

	private Map<String, Object> requestOverride = newOverrideMap("header", "path", "querystring");

	private Map<String, Object> responseOverride = newOverrideMap("header");

	private @Nullable String traceId;

	private @Nullable String requestTime;

	private final Map<String, String> traceHeaders = new LinkedHashMap<>(4);

	private long integrationLatency = -1;

	private int integrationStatus = -1;

	private final Handoffs handoffs = new Handoffs();


	/**
	 * Starts the invocation of a request that reached a mount.
	 * @param exchange the exchange
	 * @param mount the mount
	 * @param mountPath the matched mount path as requested
	 * @param path the raw path below the mount
	 * @param requestTimeEpoch the request time in epoch milliseconds
	 */
	public ApiInvocation(ServerWebExchange exchange, Mount mount, String mountPath, String path, long requestTimeEpoch) {
		this(exchange, mount, mount.stage(), mountPath, path, requestTimeEpoch);
	}

	/**
	 * Starts the invocation of a request that reached a mount and runs on one of its
	 * deployments (the stage's, or its canary's).
	 * @param exchange the exchange
	 * @param mount the mount
	 * @param stage the deployment the request runs on to its end
	 * @param mountPath the matched mount path as requested
	 * @param path the raw path below the mount
	 * @param requestTimeEpoch the request time in epoch milliseconds
	 */
	public ApiInvocation(ServerWebExchange exchange, Mount mount, StageRuntime stage, String mountPath, String path,
			long requestTimeEpoch) {
		ServerHttpRequest request = exchange.getRequest();
		this.mount = mount;
		this.stage = stage;
		this.mountPath = mountPath;
		this.path = path;
		this.httpMethod = request.getMethod().name();
		this.requestTimeEpoch = requestTimeEpoch;
		this.host = request.getURI().getHost();
		InetSocketAddress remote = request.getRemoteAddress();
		this.sourceIp = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : null;
		this.userAgent = request.getHeaders().getFirst(HttpHeaders.USER_AGENT);
	}

	/**
	 * The invocation of an exchange inside an API mount.
	 * @param exchange the exchange
	 * @return the invocation, or {@code null} outside every mount
	 */
	public static @Nullable ApiInvocation of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

	/**
	 * The invocation of an exchange that must be inside an API mount.
	 * @param exchange the exchange
	 * @return the invocation
	 */
	public static ApiInvocation required(ServerWebExchange exchange) {
		return exchange.getRequiredAttribute(ATTRIBUTE);
	}

	/**
	 * Records the matched method and its path parameters.
	 * @param method the method
	 * @param pathParameters the raw path parameters
	 */
	public void matched(MethodRuntime method, Map<String, String> pathParameters) {
		this.method = method;
		this.pathParameters = pathParameters;
	}

	/**
	 * Records why the gateway answers with a gateway response.
	 * @param type the response type
	 * @param message the message ({@code $context.error.message})
	 */
	public void error(GatewayResponseType type, @Nullable String message) {
		this.errorType = type;
		this.errorMessage = message;
	}

	public Mount mount() {
		return this.mount;
	}

	/**
	 * The deployment this request runs on, chosen once when it started: a redeployment,
	 * rollback or canary change never switches a request midway.
	 * @return the stage runtime
	 */
	public StageRuntime stage() {
		return this.stage;
	}

	/**
	 * Whether the request runs on the stage's canary ({@code $context.isCanaryRequest}).
	 * @return {@code true} for canary requests
	 */
	public boolean isCanaryRequest() {
		return this.stage != this.mount.stage();
	}

	/**
	 * The raw request path below the mount (e.g. {@code /pets/42}).
	 * @return the path, possibly empty
	 */
	public String path() {
		return this.path;
	}

	/**
	 * The mount path as requested (e.g. {@code /petstore/dev}).
	 * @return the mount path
	 */
	public String mountPath() {
		return this.mountPath;
	}

	public String httpMethod() {
		return this.httpMethod;
	}

	public String requestId() {
		return this.requestId;
	}

	public String extendedRequestId() {
		return this.extendedRequestId;
	}

	public long requestTimeEpoch() {
		return this.requestTimeEpoch;
	}

	/**
	 * Nanoseconds since the invocation started.
	 * @return elapsed nanoseconds
	 */
	public long elapsedNanos() {
		return System.nanoTime() - this.startNanos;
	}

	public @Nullable MethodRuntime method() {
		return this.method;
	}

	/**
	 * The matched method, once the match phase has run.
	 * @return the method
	 */
	public MethodRuntime requiredMethod() {
		if (this.method == null) {
			throw new IllegalStateException("No method matched yet");
		}
		return this.method;
	}

	public Map<String, String> pathParameters() {
		return this.pathParameters;
	}

	public @Nullable String sourceIp() {
		return this.sourceIp;
	}

	/**
	 * Identity values ({@code $context.identity.*}), written by the authorization and API
	 * key phases.
	 * @return the mutable identity map
	 */
	public Map<String, Object> identity() {
		return this.identity;
	}

	public @Nullable Map<String, Object> authorizer() {
		return this.authorizer;
	}

	public void authorizer(@Nullable Map<String, Object> authorizer) {
		this.authorizer = authorizer;
	}

	/**
	 * The API key an authorizer returned ({@code usageIdentifierKey}): the request's key
	 * when the API's key source is {@code AUTHORIZER}.
	 * @return the key value, or {@code null}
	 */
	public @Nullable String usageIdentifierKey() {
		return this.usageIdentifierKey;
	}

	/**
	 * Records the API key an authorizer returned ({@code usageIdentifierKey}).
	 * @param usageIdentifierKey the key value, or {@code null}
	 */
	public void usageIdentifierKey(@Nullable String usageIdentifierKey) {
		this.usageIdentifierKey = usageIdentifierKey;
	}

	public @Nullable GatewayResponseType errorType() {
		return this.errorType;
	}

	public @Nullable String errorMessage() {
		return this.errorMessage;
	}

	public void validationErrorString(@Nullable String validationErrorString) {
		this.validationErrorString = validationErrorString;
	}

	/**
	 * {@code $context.requestOverride}: header, path and querystring maps templates write to.
	 * @return the mutable map
	 */
	public Map<String, Object> requestOverride() {
		return this.requestOverride;
	}

	/**
	 * {@code $context.responseOverride}: header map and status templates write to.
	 * @return the mutable map
	 */
	public Map<String, Object> responseOverride() {
		return this.responseOverride;
	}

	/**
	 * The X-Ray style trace id of the request ({@code X-Amzn-Trace-Id}).
	 * @return the trace id
	 */
	public String traceId() {
		if (this.traceId == null) {
			this.traceId = RequestIds.traceId(this.requestTimeEpoch);
		}
		return this.traceId;
	}

	/**
	 * Keeps the override maps a template input made writable, so later templates and the
	 * response phase see what earlier templates wrote.
	 * @param context the context map a template renders with
	 */
	@SuppressWarnings("unchecked")
	public void adoptOverrides(Map<String, Object> context) {
		if (context.get("requestOverride") instanceof Map<?, ?> map) {
			this.requestOverride = (Map<String, Object>) map;
		}
		if (context.get("responseOverride") instanceof Map<?, ?> map) {
			this.responseOverride = (Map<String, Object>) map;
		}
	}

	/**
	 * The trace context to propagate to the integration (e.g. {@code traceparent}), as
	 * headers: filled by the tracing phase, sent to HTTP backends and put into Lambda proxy
	 * events.
	 * @return the mutable header map, empty without tracing
	 */
	public Map<String, String> traceHeaders() {
		return this.traceHeaders;
	}

	public long integrationLatency() {
		return this.integrationLatency;
	}

	public void integrationLatency(long millis) {
		this.integrationLatency = millis;
	}

	public int integrationStatus() {
		return this.integrationStatus;
	}

	public void integrationStatus(int status) {
		this.integrationStatus = status;
	}

	/**
	 * {@code $context.resourcePath}: the matched resource's template path.
	 * @return the template path, or {@code null} before a match
	 */
	public @Nullable String resourcePath() {
		return (this.method != null) ? this.method.resource().path() : null;
	}

	/**
	 * {@code $context.path}: the request path as AWS reports it, {@code /{stage}/...} on the
	 * default mount (double slashes kept), the requested path through a base-path mapping.
	 * @return the path
	 */
	public String contextPath() {
		if (this.mount.stageInPath()) {
			return "/" + stage().stageName() + this.path;
		}
		return this.mountPath + this.path;
	}

	/**
	 * Builds {@code $context} as templates, gateway responses and access logs see it. The
	 * override maps are this invocation's own, so values a request template writes are seen
	 * by the response template.
	 * @return a new map over the current state
	 */
	public Map<String, Object> context() {
		return InvocationContext.of(this);
	}

	@Nullable String host() {
		return this.host;
	}

	@Nullable String userAgent() {
		return this.userAgent;
	}

	@Nullable String validationErrorString() {
		return this.validationErrorString;
	}

	String requestTime() {
		if (this.requestTime == null) {
			this.requestTime = REQUEST_TIME.format(Instant.ofEpochMilli(this.requestTimeEpoch));
		}
		return this.requestTime;
	}

	private static Map<String, Object> newOverrideMap(String... keys) {
		Map<String, Object> map = new HashMap<>();
		for (String key : keys) {
			map.put(key, new HashMap<String, Object>());
		}
		return map;
	}

	/**
	 * What the phases of this request hand each other (a policy decision, a usage plan, a
	 * cache entry, an integration payload), each a typed value.
	 * @return the hand-offs
	 */
	public Handoffs handoffs() {
		return this.handoffs;
	}

}
