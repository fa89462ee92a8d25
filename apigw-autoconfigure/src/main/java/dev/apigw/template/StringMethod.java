package dev.apigw.template;

import java.lang.reflect.Method;
import java.util.Arrays;

import org.apache.velocity.util.introspection.VelMethod;
import org.jspecify.annotations.Nullable;

/**
 * The {@code String} methods the engine implements itself ({@link StringMethods}), chosen by name
 * and argument types the way Java would choose the JDK overload.
 */
enum StringMethod implements VelMethod {

	REPLACE_ALL("replaceAll") {
		@Override
		Object call(String target, Object[] args) {
			return StringMethods.replaceAll(target, (String) args[0], (String) args[1]);
		}
	},

	REPLACE_FIRST("replaceFirst") {
		@Override
		Object call(String target, Object[] args) {
			return StringMethods.replaceFirst(target, (String) args[0], (String) args[1]);
		}
	},

	MATCHES("matches") {
		@Override
		Object call(String target, Object[] args) {
			return StringMethods.matches(target, (String) args[0]);
		}
	},

	SPLIT("split") {
		@Override
		Object call(String target, Object[] args) {
			int limit = (args.length > 1) ? ((Number) args[1]).intValue() : 0;
			return StringMethods.split(target, (String) args[0], limit);
		}
	},

	REPLACE("replace") {
		@Override
		Object call(String target, Object[] args) {
			return StringMethods.replaceLiteral(target, args[0].toString(), args[1].toString());
		}
	},

	JOIN("join") {
		@Override
		Object call(String target, Object[] args) {
			if (args.length == 2 && args[1] instanceof Iterable<?> iterable) {
				return StringMethods.join((String) args[0], iterable);
			}
			return StringMethods.join((String) args[0], Arrays.asList(args).subList(1, args.length));
		}
	},

	REPEAT("repeat") {
		@Override
		Object call(String target, Object[] args) {
			return StringMethods.repeat(target, ((Integer) args[0]).intValue());
		}
	};

	private final String methodName;

	StringMethod(String methodName) {
		this.methodName = methodName;
	}

	abstract Object call(String target, Object[] args);

	/** The engine's version of {@code name} for these arguments, or {@code null} to use the JDK's. */
	static @Nullable StringMethod find(String name, Object[] args) {
		return switch (name) {
			case "replaceAll" -> strings(args, 2) ? REPLACE_ALL : null;
			case "replaceFirst" -> strings(args, 2) ? REPLACE_FIRST : null;
			case "matches" -> strings(args, 1) ? MATCHES : null;
			case "split" -> (strings(args, 1) || (args.length == 2 && args[0] instanceof String
					&& args[1] instanceof Integer)) ? SPLIT : null;
			case "replace" -> (args.length == 2 && args[0] instanceof CharSequence && args[1] instanceof CharSequence)
					? REPLACE : null;
			case "join" -> (args.length >= 1 && args[0] instanceof String) ? JOIN : null;
			case "repeat" -> (args.length == 1 && args[0] instanceof Integer) ? REPEAT : null;
			default -> null;
		};
	}

	private static boolean strings(Object[] args, int count) {
		if (args.length != count) {
			return false;
		}
		for (Object arg : args) {
			if (!(arg instanceof String)) {
				return false;
			}
		}
		return true;
	}

	@Override
	public Object invoke(Object target, Object[] args) {
		RenderState.tickCurrent();
		return call((String) target, args);
	}

	@Override
	public boolean isCacheable() {
		return true;
	}

	@Override
	public String getMethodName() {
		return this.methodName;
	}

	@Override
	public @Nullable Method getMethod() {
		return null;
	}

	@Override
	public Class<?> getReturnType() {
		return Object.class;
	}

}
