package dev.apigw.template;

import java.util.HashMap;
import java.util.Map;

import org.apache.velocity.VelocityContext;
import org.apache.velocity.runtime.directive.ForeachScope;
import org.apache.velocity.util.introspection.IntrospectionCacheData;
import org.jspecify.annotations.Nullable;

/**
 * The variables of one render, with Velocity 1.7's behaviour where AWS shows it: {@code #set} to
 * {@code null} leaves the variable as it was, and {@code $velocityCount}/{@code $velocityHasNext}
 * still work inside {@code #foreach}. The introspection cache is the template's, shared by all
 * renders, so methods are looked up once per template rather than once per request.
 */
final class RenderContext extends VelocityContext {

	private static final long serialVersionUID = 1L;

	private final transient Map<Object, IntrospectionCacheData> introspectionCache;

	RenderContext(Map<Object, IntrospectionCacheData> introspectionCache) {
		super(new HashMap<>(16));
		this.introspectionCache = introspectionCache;
	}

	/** As Velocity's, without interning every key (which costs more than the whole lookup). */
	@Override
	public @Nullable Object put(String key, @Nullable Object value) {
		return (key != null) ? internalPut(key, value) : null;
	}

	@Override
	public @Nullable Object internalGet(String key) {
		RenderState.tickCurrent();
		Object value = super.internalGet(key);
		if (value == null && key.startsWith("velocity")) {
			if (super.internalGet("foreach") instanceof ForeachScope scope) {
				if ("velocityCount".equals(key)) {
					return scope.getCount();
				}
				if ("velocityHasNext".equals(key)) {
					return scope.hasNext();
				}
			}
		}
		return value;
	}

	@Override
	public @Nullable Object internalPut(String key, @Nullable Object value) {
		if (value == null) {
			return super.internalGet(key);
		}
		return super.internalPut(key, value);
	}

	@Override
	public @Nullable IntrospectionCacheData icacheGet(Object key) {
		return this.introspectionCache.get(key);
	}

	@Override
	public void icachePut(Object key, IntrospectionCacheData data) {
		this.introspectionCache.put(key, data);
	}

}
