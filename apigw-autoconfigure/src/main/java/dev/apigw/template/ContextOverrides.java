package dev.apigw.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What mapping templates wrote into {@code $context.requestOverride} and
 * {@code $context.responseOverride}, read back from the context map after a render. AWS applies a
 * response override even when it was set by the request template of a MOCK integration.
 *
 * <pre>{@code
 * String body = template.render(input);
 * ContextOverrides overrides = ContextOverrides.of(input.context());
 * Integer status = overrides.responseStatus();  // null: keep the integration response's status
 * }</pre>
 */
public final class ContextOverrides {

	private final Map<?, ?> requestOverride;

	private final Map<?, ?> responseOverride;

	private ContextOverrides(Map<?, ?> requestOverride, Map<?, ?> responseOverride) {
		this.requestOverride = requestOverride;
		this.responseOverride = responseOverride;
	}

	/**
	 * @param context the map given to {@link TemplateInput.Builder#context(Map)} (or
	 * {@link TemplateInput#context()})
	 * @return the overrides it holds
	 */
	public static ContextOverrides of(Map<String, Object> context) {
		return new ContextOverrides(map(context.get(ContextView.REQUEST_OVERRIDE)),
				map(context.get(ContextView.RESPONSE_OVERRIDE)));
	}

	/**
	 * @return {@code $context.responseOverride.status} if it is an integer from 100 to 599,
	 * otherwise {@code null} (AWS ignores other values)
	 */
	public @Nullable Integer responseStatus() {
		Object status = this.responseOverride.get("status");
		if (status instanceof Integer || status instanceof Long || status instanceof Short || status instanceof Byte) {
			long value = ((Number) status).longValue();
			if (value >= 100 && value <= 599) {
				return (int) value;
			}
		}
		return null;
	}

	/** @return {@code $context.responseOverride.header.*}, in the order they were set */
	public Map<String, String> responseHeaders() {
		return strings(this.responseOverride.get("header"));
	}

	/** @return {@code $context.requestOverride.header.*} */
	public Map<String, String> requestHeaders() {
		return strings(this.requestOverride.get("header"));
	}

	/** @return {@code $context.requestOverride.querystring.*} */
	public Map<String, String> requestQuerystrings() {
		return strings(this.requestOverride.get("querystring"));
	}

	/** @return {@code $context.requestOverride.path.*} */
	public Map<String, String> requestPaths() {
		return strings(this.requestOverride.get("path"));
	}

	private static Map<?, ?> map(@Nullable Object value) {
		return (value instanceof Map<?, ?> map) ? map : Map.of();
	}

	private static Map<String, String> strings(@Nullable Object value) {
		Map<?, ?> source = map(value);
		if (source.isEmpty()) {
			return Map.of();
		}
		Map<String, String> result = new LinkedHashMap<>();
		source.forEach((name, entry) -> {
			if (name != null && entry != null) {
				result.put(ValueRenderer.render(name), ValueRenderer.render(entry));
			}
		});
		return Collections.unmodifiableMap(result);
	}

	@Override
	public String toString() {
		return "ContextOverrides[request=" + this.requestOverride + ", response=" + this.responseOverride + "]";
	}

}
