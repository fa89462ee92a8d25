package dev.apigw.template;

import java.lang.reflect.Method;

import org.apache.velocity.util.introspection.VelMethod;
import org.jspecify.annotations.Nullable;

/** The methods of {@code $input} and {@code $util}, dispatched without reflection. */
enum VariableMethod implements VelMethod {

	JSON("json") {
		@Override
		@Nullable Object call(Object target, Object[] args) {
			return ((InputVariable) target).json(arg(args));
		}
	},

	PATH("path") {
		@Override
		@Nullable Object call(Object target, Object[] args) {
			return ((InputVariable) target).path(arg(args));
		}
	},

	PARAMS("params") {
		@Override
		@Nullable Object call(Object target, Object[] args) {
			InputVariable input = (InputVariable) target;
			return (args.length == 0) ? input.params() : input.params(args[0]);
		}
	},

	ESCAPE_JAVA_SCRIPT("escapeJavaScript") {
		@Override
		@Nullable Object call(Object target, Object[] args) {
			return UtilVariable.INSTANCE.escapeJavaScript(args[0]);
		}
	},

	PARSE_JSON("parseJson") {
		@Override
		@Nullable Object call(Object target, Object[] args) {
			return UtilVariable.INSTANCE.parseJson(args[0]);
		}
	},

	URL_ENCODE("urlEncode") {
		@Override
		@Nullable Object call(Object target, Object[] args) {
			return UtilVariable.INSTANCE.urlEncode(args[0]);
		}
	},

	URL_DECODE("urlDecode") {
		@Override
		@Nullable Object call(Object target, Object[] args) {
			return UtilVariable.INSTANCE.urlDecode(args[0]);
		}
	},

	BASE64_ENCODE("base64Encode") {
		@Override
		@Nullable Object call(Object target, Object[] args) {
			return UtilVariable.INSTANCE.base64Encode(args[0]);
		}
	},

	BASE64_DECODE("base64Decode") {
		@Override
		@Nullable Object call(Object target, Object[] args) {
			return UtilVariable.INSTANCE.base64Decode(args[0]);
		}
	};

	private final String methodName;

	VariableMethod(String methodName) {
		this.methodName = methodName;
	}

	abstract @Nullable Object call(Object target, Object[] args);

	private static @Nullable Object arg(Object[] args) {
		return (args.length > 0) ? args[0] : null;
	}

	/** The method {@code name} of {@code $input} or {@code $util} taking {@code argCount} arguments. */
	static @Nullable VelMethod find(Object target, String name, int argCount) {
		if (target instanceof InputVariable) {
			return switch (name) {
				case "json" -> (argCount <= 1) ? JSON : null;
				case "path" -> (argCount <= 1) ? PATH : null;
				case "params" -> (argCount <= 1) ? PARAMS : null;
				default -> null;
			};
		}
		if (target instanceof UtilVariable && argCount == 1) {
			for (VariableMethod method : values()) {
				if (method.ordinal() >= ESCAPE_JAVA_SCRIPT.ordinal() && method.methodName.equals(name)) {
					return method;
				}
			}
		}
		return null;
	}

	@Override
	public @Nullable Object invoke(Object target, Object[] args) {
		RenderState.tickCurrent();
		return call(target, args);
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
