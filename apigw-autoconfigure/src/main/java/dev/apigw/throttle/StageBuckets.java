package dev.apigw.throttle;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import dev.apigw.model.MethodSettings;
import dev.apigw.model.Stage;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.ResourceRuntime;
import dev.apigw.routing.StageRuntime;
import dev.apigw.store.AdmissionRequest.Bucket;
import org.jspecify.annotations.Nullable;

/**
 * The stage's method throttles of one deployed stage, resolved once per deployment: for
 * each method, the bucket its requests take from, from the method's own settings
 * ({@code /pets/GET}; for a request whose verb has settings of its own on an {@code ANY}
 * method, those) over {@code * / *}. Methods are looked up by identity, so a request costs
 * a map lookup.
 */
final class StageBuckets {

	/** AWS's defaults for a method setting that sets only one of rate and burst. */
	private static final double DEFAULT_RATE = 10_000;

	private static final int DEFAULT_BURST = 5_000;

	private final Map<MethodRuntime, MethodBuckets> methods;

	private StageBuckets(Map<MethodRuntime, MethodBuckets> methods) {
		this.methods = methods;
	}

	/**
	 * Resolves the method throttles of a stage.
	 * @param runtime the deployed stage
	 * @return the buckets of its methods
	 */
	static StageBuckets compile(StageRuntime runtime) {
		Map<MethodRuntime, MethodBuckets> methods = new IdentityHashMap<>();
		Map<String, MethodSettings> all = runtime.stage().methodSettings();
		if (all.isEmpty()) {
			return new StageBuckets(methods);
		}
		for (ResourceRuntime resource : runtime.resourceList()) {
			String prefix = resource.path() + "/";
			for (MethodRuntime method : resource.methods().values()) {
				String verb = method.method().httpMethod();
				String own = prefix + verb;
				Bucket fallback = bucket(runtime, all, resource.path(), verb, all.containsKey(own) ? own : null);
				// a request's own verb wins over the method's (ANY): settings of other verbs of this resource
				Map<String, @Nullable Bucket> byVerb = new HashMap<>();
				boolean any = fallback != null;
				for (String key : all.keySet()) {
					if (key.startsWith(prefix) && key.indexOf('/', prefix.length()) < 0 && !key.equals(own)) {
						Bucket bucket = bucket(runtime, all, resource.path(), verb, key);
						byVerb.put(key.substring(prefix.length()), bucket);
						any |= bucket != null;
					}
				}
				if (any) {
					methods.put(method, new MethodBuckets(byVerb.isEmpty() ? Map.of() : byVerb, fallback));
				}
			}
		}
		return new StageBuckets(methods);
	}

	/**
	 * The stage bucket of a request.
	 * @param method the matched method
	 * @param requestVerb the request's verb
	 * @return the bucket, {@code null} when the stage does not throttle the method
	 */
	@Nullable Bucket bucket(MethodRuntime method, String requestVerb) {
		MethodBuckets buckets = this.methods.get(method);
		return (buckets != null) ? buckets.bucket(requestVerb) : null;
	}

	private static @Nullable Bucket bucket(StageRuntime runtime, Map<String, MethodSettings> all, String resourcePath,
			String verb, @Nullable String methodKey) {
		MethodSettings own = (methodKey != null) ? all.get(methodKey) : null;
		MethodSettings defaults = all.get(Stage.ALL_METHODS);
		Double rate = (own != null && own.throttlingRateLimit() != null) ? own.throttlingRateLimit()
				: (defaults != null) ? defaults.throttlingRateLimit() : null;
		Integer burst = (own != null && own.throttlingBurstLimit() != null) ? own.throttlingBurstLimit()
				: (defaults != null) ? defaults.throttlingBurstLimit() : null;
		if (rate == null && burst == null) {
			return null;
		}
		// with only * / * every method still has a bucket of its own, as on AWS
		String name = "b:stage:" + runtime.api().id() + "/" + runtime.stageName() + " "
				+ ((methodKey != null) ? methodKey : resourcePath + "/" + verb);
		return new Bucket(name, (rate != null) ? rate : DEFAULT_RATE, (burst != null) ? burst : DEFAULT_BURST);
	}

	@Override
	public String toString() {
		return "StageBuckets" + this.methods.values();
	}

	/**
	 * The buckets of one method.
	 *
	 * @param byVerb the bucket of each request verb that has settings of its own (an
	 * {@code ANY} method's), {@code null} when those do not throttle
	 * @param fallback the bucket of every other request, {@code null} for none
	 */
	private record MethodBuckets(Map<String, @Nullable Bucket> byVerb, @Nullable Bucket fallback) {

		@Nullable Bucket bucket(String verb) {
			return this.byVerb.containsKey(verb) ? this.byVerb.get(verb) : this.fallback;
		}

	}

}
