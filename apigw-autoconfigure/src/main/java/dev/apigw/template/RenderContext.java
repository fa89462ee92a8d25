package dev.apigw.template;

import java.util.HashMap;
import java.util.Map;

import org.apache.velocity.VelocityContext;
import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.runtime.directive.ForeachScope;
import org.apache.velocity.util.introspection.IntrospectionCacheData;
import org.jspecify.annotations.Nullable;

/**
 * The variables of one render, with Velocity 1.7's behaviour where AWS shows it: {@code #set} to
 * {@code null} leaves the variable as it was (other nulls, a list's null element in a
 * {@code #foreach} say, are assigned), and {@code $velocityCount}/{@code $velocityHasNext}
 * still work inside {@code #foreach}. The introspection cache is the template's, shared by all
 * renders, so methods are looked up once per template rather than once per request.
 */
final class RenderContext extends VelocityContext {

	private static final long serialVersionUID = 1L;

	private final transient Map<Object, IntrospectionCacheData> introspectionCache;

	private final transient RenderState state;

	RenderContext(Map<Object, IntrospectionCacheData> introspectionCache, RenderState state) {
		super(new HashMap<>(16));
		this.introspectionCache = introspectionCache;
		this.state = state;
	}

	/** The render's state, found through the context where Velocity passes one (cheaper than the thread local). */
	static @Nullable RenderState stateOf(@Nullable Object context) {
		if (context instanceof InternalContextAdapter adapter) {
			context = adapter.getInternalUserContext();
		}
		return (context instanceof RenderContext render) ? render.state : RenderState.current();
	}

	/** As Velocity's, without interning every key (which costs more than the whole lookup). */
	@Override
	public @Nullable Object put(String key, @Nullable Object value) {
		return (key != null) ? internalPut(key, value) : null;
	}

	@Override
	public @Nullable Object internalGet(String key) {
		this.state.tick();
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
		if (value == null && this.state.isSkippedNullSet(key)) {
			return super.internalGet(key);
		}
		this.state.clearNullSet();
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
