package dev.apigw.template;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Map;

import org.apache.velocity.runtime.RuntimeServices;
import org.apache.velocity.runtime.directive.Scope;
import org.apache.velocity.util.RuntimeServicesAware;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.Uberspect;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;
import org.apache.velocity.util.introspection.VelPropertySet;
import org.jspecify.annotations.Nullable;

/**
 * Holds the engine's Velocity introspector, which decides what a template can call.
 */
final class Sandbox {

	private Sandbox() {
	}

	/**
	 * The only introspector the engine's Velocity runtime uses. A method or property resolves only
	 * if the value's kind and the name are on the {@link AllowList}; the engine's own variables
	 * dispatch without reflection. A name that exists in Java but is not allowed ({@code getClass},
	 * {@code wait}, {@code getBytes}...) fails the render; a name that does not exist resolves to
	 * nothing, as AWS prints it. Every call ticks the render's deadline; {@code #foreach} iterators
	 * stop at the iteration limit.
	 *
	 * <p>Public only because Velocity instantiates introspectors by class name; not an API.
	 */
	public static final class Uberspector implements Uberspect, RuntimeServicesAware {

		private final UberspectImpl delegate = new UberspectImpl();

		/** Instantiated by Velocity. */
		public Uberspector() {
		}

		@Override
		public void setRuntimeServices(RuntimeServices runtimeServices) {
			this.delegate.setRuntimeServices(runtimeServices);
		}

		@Override
		public void init() {
			this.delegate.init();
		}

		@Override
		public @Nullable Iterator<?> getIterator(@Nullable Object value, Info info) {
			RenderState state = RenderState.current();
			if (state != null) {
				state.tick();
			}
			if (value == null || value instanceof TemplateVariable || !AllowList.isIterable(value)) {
				return null;
			}
			Iterator<?> iterator = this.delegate.getIterator(value, info);
			if (iterator == null || state == null) {
				return iterator;
			}
			return new CountingIterator<>(iterator, state);
		}

		@Override
		public @Nullable VelMethod getMethod(@Nullable Object target, String name, Object[] args, Info info) {
			RenderState.tickCurrent();
			if (target == null) {
				return null;
			}
			if (target instanceof TemplateVariable) {
				VelMethod method = VariableMethod.find(target, name, args.length);
				if (method == null && this.delegate.getMethod(target, name, args, info) != null) {
					throw denied(target, name + "()");
				}
				return method;
			}
			AllowList kind = AllowList.of(target);
			VelMethod method = this.delegate.getMethod(target, name, args, info);
			if (kind == null || !kind.allowsMethod(name)) {
				if (method != null) {
					throw denied(target, name + "()");
				}
				return null;
			}
			if (kind == AllowList.STRING) {
				VelMethod special = StringMethod.find(name, args);
				if (special != null) {
					return special;
				}
			}
			return (method != null) ? new GuardedMethod(method, kind == AllowList.STRING) : null;
		}

		@Override
		public @Nullable VelPropertyGet getPropertyGet(@Nullable Object target, String name, Info info) {
			RenderState.tickCurrent();
			if (target == null) {
				return null;
			}
			if (target instanceof InputVariable && "body".equals(name)) {
				return new Getter("body", (input) -> ((InputVariable) input).body());
			}
			AllowList kind = AllowList.of(target);
			if (kind == AllowList.MAP) {
				return new Getter(name, (map) -> ((Map<?, ?>) map).get(name));
			}
			if (AllowList.isClassProperty(name)) {
				throw denied(target, "." + name);
			}
			if (kind == null || !kind.allowsProperty(name)) {
				return (kind == AllowList.SCOPE) ? new Getter(name, (scope) -> ((Scope) scope).get(name)) : null;
			}
			VelPropertyGet getter = this.delegate.getPropertyGet(target, name, info);
			return (getter != null) ? new Getter(name, getter::invoke) : null;
		}

		@Override
		public @Nullable VelPropertySet getPropertySet(@Nullable Object target, String name, @Nullable Object arg,
				Info info) {
			RenderState.tickCurrent();
			if (target instanceof Map && !(target instanceof Scope)) {
				return new MapSetter(name);
			}
			if (target != null && AllowList.isClassProperty(name)) {
				throw denied(target, "." + name);
			}
			return null;
		}

		private static SandboxViolation denied(Object target, String member) {
			return RenderState.violation("mapping templates may not use " + member + " on "
					+ ((target instanceof TemplateVariable) ? "$input/$util" : target.getClass().getName()));
		}

	}

	/** A property read; always cacheable (the lambdas hold no per-render state). */
	private record Getter(String name, ThrowingFunction function) implements VelPropertyGet {

		@Override
		public @Nullable Object invoke(Object target) throws Exception {
			return this.function.apply(target);
		}

		@Override
		public boolean isCacheable() {
			return true;
		}

		@Override
		public String getMethodName() {
			return this.name;
		}

	}

	@FunctionalInterface
	private interface ThrowingFunction {

		@Nullable Object apply(Object target) throws Exception;

	}

	/**
	 * {@code #set($map.key = value)}. As in Velocity 1.7, which AWS runs, setting {@code null}
	 * leaves the map unchanged.
	 */
	private record MapSetter(String name) implements VelPropertySet {

		@SuppressWarnings("unchecked")
		@Override
		public @Nullable Object invoke(Object target, @Nullable Object value) {
			return (value != null) ? ((Map<Object, Object>) target).put(this.name, value) : null;
		}

		@Override
		public boolean isCacheable() {
			return true;
		}

		@Override
		public String getMethodName() {
			return "put";
		}

	}

	/** An allowed JDK method: ticks the deadline and charges the strings it creates. */
	private record GuardedMethod(VelMethod method, boolean onString) implements VelMethod {

		@Override
		public @Nullable Object invoke(Object target, Object[] args)
				throws IllegalAccessException, InvocationTargetException {
			RenderState state = RenderState.current();
			if (state != null) {
				state.tick();
			}
			if (this.onString) {
				String name = this.method.getMethodName();
				if ("indexOf".equals(name) || "lastIndexOf".equals(name) || "contains".equals(name)) {
					StringMethods.checkSearch((String) target, (args.length > 0) ? args[0] : null);
				}
				else if ("concat".equals(name) && args.length == 1 && args[0] instanceof String other) {
					StringMethods.checkGrowth((long) ((String) target).length() + other.length());
				}
			}
			Object result = this.method.invoke(target, args);
			if (this.onString && state != null && result instanceof String string && string != target) {
				state.allocate(string.length());
			}
			return result;
		}

		@Override
		public boolean isCacheable() {
			return this.method.isCacheable();
		}

		@Override
		public String getMethodName() {
			return this.method.getMethodName();
		}

		@Override
		public Method getMethod() {
			return this.method.getMethod();
		}

		@Override
		public Class<?> getReturnType() {
			return this.method.getReturnType();
		}

	}

	/** A {@code #foreach} iterator: at most {@code maxForeachIterations} elements. */
	private static final class CountingIterator<T> implements Iterator<T> {

		private final Iterator<T> iterator;

		private final RenderState state;

		private int count;

		CountingIterator(Iterator<T> iterator, RenderState state) {
			this.iterator = iterator;
			this.state = state;
		}

		@Override
		public boolean hasNext() {
			return this.iterator.hasNext();
		}

		@Override
		public T next() {
			this.state.tick();
			if (++this.count > this.state.limits().maxForeachIterations()) {
				throw this.state.fail("#foreach ran more than " + this.state.limits().maxForeachIterations()
						+ " iterations");
			}
			return this.iterator.next();
		}

	}

}
