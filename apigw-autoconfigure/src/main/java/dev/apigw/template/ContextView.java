package dev.apigw.template;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code $context}: a read-only view of the pipeline's context map, except that
 * {@code requestOverride} and {@code responseOverride} are the live, writable maps (AWS lets
 * templates {@code #set} into those and nowhere else), and {@code authorizer.claims} prints as
 * nothing.
 */
final class ContextView extends MapView {

	static final String REQUEST_OVERRIDE = "requestOverride";

	static final String RESPONSE_OVERRIDE = "responseOverride";

	private final Map<String, Object> context;

	ContextView(Map<String, Object> context) {
		super(context);
		this.context = context;
	}

	@Override
	public @Nullable Object get(@Nullable Object key) {
		RenderState.tickCurrent();
		Object value = this.context.get(key);
		if (REQUEST_OVERRIDE.equals(key) || RESPONSE_OVERRIDE.equals(key)) {
			return value;
		}
		if ("authorizer".equals(key) && value instanceof Map<?, ?> authorizer) {
			return new AuthorizerView(authorizer);
		}
		return wrap(value);
	}

	/** {@code $context.authorizer}, whose {@code claims} print as nothing. */
	static final class AuthorizerView extends MapView {

		private final Map<?, ?> authorizer;

		AuthorizerView(Map<?, ?> authorizer) {
			super(authorizer);
			this.authorizer = authorizer;
		}

		@Override
		public @Nullable Object get(@Nullable Object key) {
			Object value = this.authorizer.get(key);
			if ("claims".equals(key) && value instanceof Map<?, ?> claims) {
				return new QuietMap(claims);
			}
			return wrap(value);
		}

	}

}
