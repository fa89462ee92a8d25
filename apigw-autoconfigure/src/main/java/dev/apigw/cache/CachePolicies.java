package dev.apigw.cache;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Integration;
import dev.apigw.model.Method;
import dev.apigw.model.MethodSettings;
import dev.apigw.model.Stage;
import dev.apigw.model.UnauthorizedCacheControlHeaderStrategy;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.ResourceRuntime;
import dev.apigw.routing.StageRuntime;
import dev.apigw.template.MappingExpression;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The cache policies of one deployed stage, compiled once: for every method and request
 * verb whose responses are cached, its {@link CachePolicy}. Methods are looked up by
 * identity, so a request costs two small map lookups.
 */
final class CachePolicies {

	/** The metric counting cache lookups. */
	static final String METRIC = "apigw.cache.requests";

	private static final Log logger = LogFactory.getLog(CachePolicies.class);

	private final IdentityHashMap<MethodRuntime, Map<String, CachePolicy>> policies = new IdentityHashMap<>();

	private CachePolicies() {
	}

	/**
	 * The policy of a request.
	 * @param method the matched method
	 * @param verb the request's verb
	 * @return the policy, {@code null} when the request is not cached
	 */
	@Nullable CachePolicy policy(MethodRuntime method, String verb) {
		Map<String, CachePolicy> byVerb = this.policies.get(method);
		return (byVerb != null) ? byVerb.get(verb) : null;
	}

	boolean isEmpty() {
		return this.policies.isEmpty();
	}

	/**
	 * Whether a stage caches any response: it has a cache and some method of it is cached
	 * with a positive time to live.
	 * @param runtime the deployed stage
	 * @return whether the cache phases have anything to do for the stage
	 */
	static boolean cachesAny(StageRuntime runtime) {
		if (!runtime.stage().cacheCluster().enabled()) {
			return false;
		}
		for (ResourceRuntime resource : runtime.resourceList()) {
			for (MethodRuntime method : resource.methods().values()) {
				String defined = method.method().httpMethod();
				for (String verb : verbs(defined)) {
					if (cached(runtime.stage(), method, verb, defined) != null) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * Compiles the policies of a stage.
	 * @param runtime the deployed stage
	 * @param metrics counts hits and misses
	 * @return the policies
	 */
	static CachePolicies compile(StageRuntime runtime, CacheMetrics metrics) {
		CachePolicies compiled = new CachePolicies();
		if (!runtime.stage().cacheCluster().enabled()) {
			return compiled;
		}
		for (ResourceRuntime resource : runtime.resourceList()) {
			for (MethodRuntime method : resource.methods().values()) {
				String defined = method.method().httpMethod();
				Map<String, CachePolicy> byVerb = new LinkedHashMap<>();
				for (String verb : verbs(defined)) {
					MethodSettings settings = cached(runtime.stage(), method, verb, defined);
					if (settings != null) {
						byVerb.put(verb, policy(runtime, method, verb, settings, metrics));
					}
				}
				if (!byVerb.isEmpty()) {
					compiled.policies.put(method, byVerb);
				}
			}
		}
		return compiled;
	}

	private static List<String> verbs(String defined) {
		return "ANY".equals(defined) ? Method.ANY_METHODS : List.of(defined);
	}

	/**
	 * The settings of a method for a request verb when its responses are cached.
	 * @return the method's settings over {@code * / *}, {@code null} when not cached
	 */
	private static @Nullable MethodSettings cached(Stage stage, MethodRuntime method, String verb, String defined) {
		String path = method.resource().path();
		Map<String, MethodSettings> all = stage.methodSettings();
		MethodSettings own = all.get(path + "/" + verb);
		if (own == null) {
			own = all.get(path + "/" + defined);
		}
		MethodSettings broad = all.getOrDefault(Stage.ALL_METHODS, MethodSettings.NONE);
		MethodSettings settings = (own != null) ? own.orElse(broad) : broad;
		// the stage-wide setting caches GET methods only, as on AWS; others opt in one by one
		boolean enabled = (own != null && own.cachingEnabled() != null) ? own.cachingEnabled()
				: "GET".equals(verb) && Boolean.TRUE.equals(broad.cachingEnabled());
		Duration ttl = ttl(settings);
		return (!enabled || ttl.isZero() || ttl.isNegative()) ? null : settings;
	}

	private static Duration ttl(MethodSettings settings) {
		return (settings.cacheTtl() != null) ? settings.cacheTtl() : MethodSettings.DEFAULT_CACHE_TTL;
	}

	private static CachePolicy policy(StageRuntime runtime, MethodRuntime method, String verb, MethodSettings settings,
			CacheMetrics metrics) {
		Stage stage = runtime.stage();
		String path = method.resource().path();
		Method definition = method.method();
		Integration integration = method.definition();
		String namespace = (integration.cacheNamespace() != null) ? integration.cacheNamespace() : path;
		Map<String, MappingExpression> parameters = new LinkedHashMap<>();
		for (String name : integration.cacheKeyParameters()) {
			MappingExpression source = source(name, integration);
			if (source == null) {
				logger.warn("Ignoring cache key parameter '" + name + "' of " + runtime.api().id() + " " + verb + " "
						+ path + ": expected method.request.{path|querystring|multivaluequerystring|header|"
						+ "multivalueheader}.NAME or a mapped integration.request parameter");
				continue;
			}
			parameters.put(name, source);
		}
		boolean perCaller = definition.apiKeyRequired() || definition.authorizationType() != AuthorizationType.NONE;
		String stageName = runtime.api().id() + "/" + stage.name();
		return new CachePolicy(stageName, verb + " " + namespace, parameters, perCaller, ttl(settings),
				!Boolean.FALSE.equals(settings.requireAuthorizationForCacheControl()),
				(settings.unauthorizedCacheControlHeaderStrategy() != null)
						? settings.unauthorizedCacheControlHeaderStrategy()
						: UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITH_RESPONSE_HEADER,
				metrics.counter(runtime, path, verb, "hit"), metrics.counter(runtime, path, verb, "miss"));
	}

	private static @Nullable MappingExpression source(String name, Integration integration) {
		String expression = name.startsWith("integration.request.") ? integration.requestParameters().get(name) : name;
		if (expression == null || !expression.startsWith("method.request.") || expression.startsWith("method.request.body")) {
			return null;
		}
		try {
			return MappingExpression.parse(expression);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
