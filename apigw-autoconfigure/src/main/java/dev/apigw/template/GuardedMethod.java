package dev.apigw.template;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.apache.velocity.util.introspection.VelMethod;
import org.jspecify.annotations.Nullable;

/** An allowed JDK method: ticks the deadline and charges the strings it creates. */
record GuardedMethod(VelMethod method, boolean onString) implements VelMethod {

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
