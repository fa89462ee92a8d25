package dev.apigw.auth.authorizer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.apigw.auth.policy.ExecuteApiArns;
import dev.apigw.auth.resource.ClientAddresses;
import dev.apigw.definition.Problems;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.PolicyDecision;
import dev.apigw.response.GatewayResponseException;
import dev.apigw.routing.ApiInvocation;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.StageRuntime;
import dev.apigw.store.AuthorizerResultCache;
import dev.apigw.template.MappingExpression;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Lambda authorizers ({@code CUSTOM} methods, TOKEN and REQUEST types): compiles each
 * method's authorizer once per deployed stage (settings checked, function resolved with the
 * stage's variables; what is wrong refuses the deployment); per call, reads the identity
 * sources (a missing one, or a token that fails the validation expression, is answered 401
 * without invoking anything), takes a cached result or invokes the function off the event
 * loop, and evaluates the returned policy against the method ARN.
 */
public final class LambdaAuthorizer implements MethodAuthorizer, AutoCloseable {

	/** The longest result TTL AWS accepts. */
	public static final Duration MAX_TTL = Duration.ofSeconds(3600);

	private static final Log logger = LogFactory.getLog(LambdaAuthorizer.class);

	private static final String UNAUTHORIZED = "Unauthorized";

	private static final Pattern HEADER_SOURCE = Pattern.compile("method\\.request\\.header\\.[^\\s,]+");

	private static final Pattern REQUEST_SOURCE = Pattern
		.compile("method\\.request\\.(header|querystring)\\.[^\\s,]+|stageVariables\\.[A-Za-z0-9_]+|context\\.[A-Za-z0-9_.]+");

	private final AuthorizerFunctionResolver functions;

	private final AuthorizerResultCache cache;

	private final Scheduler scheduler;

	private final Duration timeout;

	/**
	 * Creates the authorizer.
	 * @param functions resolves authorizer functions
	 * @param cache caches results
	 * @param scheduler runs functions, off the event loop; disposed by {@link #close()}
	 * @param timeout how long a function may take
	 */
	public LambdaAuthorizer(AuthorizerFunctionResolver functions, AuthorizerResultCache cache, Scheduler scheduler,
			Duration timeout) {
		this.functions = functions;
		this.cache = cache;
		this.scheduler = scheduler;
		this.timeout = timeout;
	}

	@Override
	public AuthorizationType type() {
		return AuthorizationType.CUSTOM;
	}

	/**
	 * Disposes the scheduler functions run on.
	 */
	@Override
	public void close() {
		this.scheduler.dispose();
	}

	/**
	 * Compiles the method's authorizer for the stage: its type, identity sources,
	 * validation expression and TTL checked, its function resolved (with the stage's
	 * variables), once per deployment.
	 */
	@Override
	public @Nullable MethodAuthorization compile(StageRuntime stage, MethodRuntime method, Problems problems) {
		Authorizer authorizer = stage.api().authorizers().get(method.method().authorizerId());
		if (authorizer == null) {
			// as the API validator reports it, which runs first
			problems.add(method.resource().path(), method.method().httpMethod(), "authorizer",
					"Unknown authorizer '" + method.method().authorizerId() + "'");
			return null;
		}
		try {
			return compile(stage, authorizer);
		}
		catch (InvalidAuthorizerException ex) {
			problems.add(method.resource().path(), method.method().httpMethod(),
					"authorizers." + authorizer.name() + "." + ex.field, ex.getMessage());
			return null;
		}
	}

	private Mono<AuthorizerResult> invoke(ServerWebExchange exchange, ApiInvocation invocation, Compiled authorizer,
			List<String> identity, String methodArn) {
		Map<String, Object> event = authorizer.token ? AuthorizerEvents.token(identity.get(0), methodArn)
				: AuthorizerEvents.request(exchange.getRequest(), invocation, methodArn);
		return Mono.fromCallable(() -> authorizer.function.invoke(event))
			.subscribeOn(this.scheduler)
			.timeout(this.timeout)
			.map(AuthorizerResult::parse)
			.onErrorMap((error) -> outcome(exchange, authorizer, error));
	}

	private static Mono<Authorized> authorized(ServerWebExchange exchange, ApiInvocation invocation, String methodArn,
			Outcome outcome) {
		AuthorizerResult authorized = outcome.result();
		PolicyDecision decision = authorized.policy().evaluateInvoke(methodArn, ClientAddresses.sourceIp(invocation));
		if (decision == PolicyDecision.EXPLICIT_DENY) {
			return Mono.error(new GatewayResponseException(GatewayResponseType.ACCESS_DENIED,
					"User is not authorized to access this resource with an explicit deny"));
		}
		if (decision != PolicyDecision.ALLOW) {
			return Mono.error(new GatewayResponseException(GatewayResponseType.ACCESS_DENIED));
		}
		Map<String, Object> context = new LinkedHashMap<>(authorized.context());
		context.put("principalId", authorized.principalId());
		context.put("integrationLatency",
				(outcome.started() < 0) ? 0L : Duration.ofNanos(System.nanoTime() - outcome.started()).toMillis());
		invocation.authorizer(context);
		invocation.usageIdentifierKey(authorized.usageIdentifierKey());
		return Mono.just(new Authorized(exchange));
	}

	private static Throwable outcome(ServerWebExchange exchange, Compiled authorizer, Throwable error) {
		if (error instanceof GatewayResponseException) {
			return error;
		}
		if (UNAUTHORIZED.equals(error.getMessage())) {
			return new GatewayResponseException(GatewayResponseType.UNAUTHORIZED);
		}
		if (error instanceof TimeoutException || error instanceof RejectedExecutionException) {
			logger.warn(exchange.getLogPrefix() + "Authorizer " + authorizer.name + " could not be invoked: " + error);
			return new GatewayResponseException(GatewayResponseType.AUTHORIZER_FAILURE);
		}
		logger.warn(exchange.getLogPrefix() + "Execution failed due to configuration error: authorizer "
				+ authorizer.name + " failed: " + error);
		return new GatewayResponseException(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR);
	}

	private Compiled compile(StageRuntime stage, Authorizer authorizer) {
		String type = authorizer.type().toUpperCase(Locale.ROOT);
		if (!type.equals("TOKEN") && !type.equals("REQUEST")) {
			throw new InvalidAuthorizerException("type",
					"A CUSTOM method needs a TOKEN or REQUEST authorizer, but '" + authorizer.name() + "' is " + type);
		}
		boolean token = type.equals("TOKEN");
		Duration ttl = authorizer.resultTtl();
		if (ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0) {
			throw new InvalidAuthorizerException("authorizer-result-ttl-in-seconds",
					"The result TTL must be between 0 and 3600 seconds, was " + ttl.toSeconds());
		}
		List<MappingExpression> sources = sources(authorizer, token, ttl);
		Pattern validation = null;
		if (token && authorizer.identityValidationExpression() != null) {
			try {
				validation = Pattern.compile(authorizer.identityValidationExpression());
			}
			catch (PatternSyntaxException ex) {
				throw new InvalidAuthorizerException("identity-validation-expression",
						"Not a valid regular expression: " + ex.getDescription());
			}
		}
		if (authorizer.authorizerUri() == null || authorizer.authorizerUri().isBlank()) {
			throw new InvalidAuthorizerException("authorizer-uri",
					"A " + type + " authorizer needs the function it invokes (authorizer-uri or function)");
		}
		String name = FunctionNames.of(authorizer.authorizerUri(), stage.stage().variables());
		if (name == null) {
			throw new InvalidAuthorizerException("authorizer-uri", "'" + authorizer.authorizerUri()
					+ "' uses a stage variable that stage '" + stage.stageName() + "' does not define");
		}
		AuthorizerFunction function;
		try {
			function = this.functions.resolve(name);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidAuthorizerException("authorizer-uri", ex.getMessage());
		}
		if (function == null) {
			throw new InvalidAuthorizerException("authorizer-uri", "No authorizer function '" + name
					+ "' (known: " + this.functions.names() + "); declare an AuthorizerFunction, Function or "
					+ "RequestHandler bean of that name");
		}
		String prefix = stage.api().id() + "/" + stage.stageName() + "/" + authorizer.name() + "/";
		return new Compiled(authorizer.name(), token, sources, validation, ttl, function, prefix);
	}

	private static List<MappingExpression> sources(Authorizer authorizer, boolean token, Duration ttl) {
		String identitySource = authorizer.identitySource();
		List<MappingExpression> sources = new ArrayList<>();
		if (identitySource != null) {
			for (String source : identitySource.split(",")) {
				String trimmed = source.trim();
				if (trimmed.isEmpty()) {
					continue;
				}
				if (!(token ? HEADER_SOURCE : REQUEST_SOURCE).matcher(trimmed).matches()) {
					throw new InvalidAuthorizerException("identity-source", "'" + trimmed + "' is not a valid "
							+ (token ? "TOKEN identity source; expected method.request.header.NAME"
									: "REQUEST identity source; expected method.request.header.X, "
											+ "method.request.querystring.X, stageVariables.X or context.X"));
				}
				sources.add(MappingExpression.parse(trimmed));
			}
		}
		if (token && sources.size() != 1) {
			throw new InvalidAuthorizerException("identity-source",
					"A TOKEN authorizer needs exactly one identity source, method.request.header.NAME");
		}
		if (!token && sources.isEmpty() && !ttl.isZero()) {
			throw new InvalidAuthorizerException("identity-source",
					"A REQUEST authorizer with caching needs at least one identity source; set the TTL to 0 to "
							+ "invoke it for every request without one");
		}
		return sources;
	}

	private record Outcome(AuthorizerResult result, long started) {

	}

	/** A method's authorizer as compiled for a stage. */
	private final class Compiled implements MethodAuthorization {

		private final String name;

		private final boolean token;

		private final List<MappingExpression> sources;

		private final @Nullable Pattern validation;

		private final Duration ttl;

		private final AuthorizerFunction function;

		private final String cachePrefix;

		Compiled(String name, boolean token, List<MappingExpression> sources, @Nullable Pattern validation,
				Duration ttl, AuthorizerFunction function, String cachePrefix) {
			this.name = name;
			this.token = token;
			this.sources = sources;
			this.validation = validation;
			this.ttl = ttl;
			this.function = function;
			this.cachePrefix = cachePrefix;
		}

		@Override
		public Mono<Authorized> authorize(ServerWebExchange exchange, ApiInvocation invocation) {
			List<String> identity = identity(invocation, exchange.getRequest());
			if (identity == null) {
				return Mono.error(new GatewayResponseException(GatewayResponseType.UNAUTHORIZED));
			}
			String methodArn = ExecuteApiArns.method(invocation);
			long started = System.nanoTime();
			Mono<Outcome> result;
			if (this.ttl.isZero()) {
				result = invoke(exchange, invocation, this, identity, methodArn).map((r) -> new Outcome(r, started));
			}
			else {
				String key = cacheKey(identity);
				result = LambdaAuthorizer.this.cache.get(key, AuthorizerResultCodec.INSTANCE)
					.map((cached) -> new Outcome(cached, -1))
					.switchIfEmpty(Mono.defer(() -> invoke(exchange, invocation, this, identity, methodArn)
						.flatMap((fresh) -> LambdaAuthorizer.this.cache
							.put(key, fresh, this.ttl, AuthorizerResultCodec.INSTANCE)
							.thenReturn(new Outcome(fresh, started)))));
			}
			return result.flatMap((outcome) -> authorized(exchange, invocation, methodArn, outcome));
		}

		/**
		 * The identity source values, or {@code null} when the request must be refused
		 * with 401 without invoking the function.
		 */
		@Nullable List<String> identity(ApiInvocation invocation, ServerHttpRequest request) {
			MappingExpression.Input input = new MappingExpression.Input(invocation.pathParameters(),
					request::getQueryParams, request.getHeaders(), invocation.stage().stage().variables(),
					invocation::context, null, null, null);
			List<String> values = new ArrayList<>(this.sources.size());
			for (MappingExpression source : this.sources) {
				String value = source.evaluate(input);
				if (value == null || value.isEmpty()) {
					if (this.token || !this.ttl.isZero()) {
						return null;
					}
					value = "";
				}
				values.add(value);
			}
			if (this.validation != null && !this.validation.matcher(values.get(0)).matches()) {
				return null;
			}
			return values;
		}

		String cacheKey(List<String> identity) {
			try {
				MessageDigest digest = MessageDigest.getInstance("SHA-256");
				for (String value : identity) {
					digest.update(value.getBytes(StandardCharsets.UTF_8));
					digest.update((byte) 0);
				}
				return this.cachePrefix + java.util.HexFormat.of().formatHex(digest.digest());
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	private static final class InvalidAuthorizerException extends RuntimeException {

		private final String field;

		InvalidAuthorizerException(String field, String message) {
			super(message, null, false, false);
			this.field = field;
		}

	}

}
