package dev.apigw.integration.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

/**
 * A function as the gateway invokes it: one of the handler shapes AWS's Java runtime
 * accepts ({@link RequestHandler}, {@link RequestStreamHandler}), a
 * {@link java.util.function.Function}, or a Lambda-style method of a bean, adapted to
 * "input in, output out". Input conversion follows the handler's declared input type.
 */
abstract class LambdaFunction {

	private final String name;

	private final Class<?> inputType;

	LambdaFunction(String name, Class<?> inputType) {
		this.name = name;
		this.inputType = inputType;
	}

	String name() {
		return this.name;
	}

	/**
	 * The declared input type: the event POJO, {@code Map}, {@code Object}, a POJO, or
	 * {@code byte[]} for stream handlers.
	 */
	Class<?> inputType() {
		return this.inputType;
	}

	/**
	 * Invokes the function. Blocks; called on the Lambda scheduler only.
	 * @param input the input, already converted to {@link #inputType()}
	 * @param context the Lambda context
	 * @return the output ({@code byte[]} from stream handlers), possibly {@code null}
	 * @throws Throwable what the handler threw
	 */
	abstract @Nullable Object invoke(@Nullable Object input, Context context) throws Throwable;

	/**
	 * Adapts an object to a function.
	 * @param name the function name
	 * @param handler the handler
	 * @param declared the type the handler was declared with (a bean definition's type), or
	 * {@code null} to use its class
	 * @return the function, or {@code null} when the object is no handler
	 */
	static @Nullable LambdaFunction of(String name, Object handler, @Nullable ResolvableType declared) {
		ResolvableType type = (declared != null && declared.resolve() != null) ? declared
				: ResolvableType.forInstance(handler);
		if (handler instanceof RequestStreamHandler stream) {
			return new Stream(name, stream);
		}
		if (handler instanceof RequestHandler<?, ?> requestHandler) {
			return new Handler(name, requestHandler, input(type.as(RequestHandler.class)));
		}
		if (handler instanceof Function<?, ?> function) {
			return new JavaFunction(name, function, input(type.as(Function.class)));
		}
		return null;
	}

	/**
	 * Adapts a Lambda-style method of a bean ({@code (event)} or {@code (event, Context)}).
	 * @param name the function name
	 * @param bean the bean
	 * @param method the method
	 * @return the function
	 */
	static LambdaFunction of(String name, Object bean, Method method) {
		method.setAccessible(true);
		return new BeanMethod(name, bean, method);
	}

	/**
	 * The input type a {@code Function} or {@code RequestHandler} type declares.
	 * @param type the type as {@code RequestHandler} or {@code Function}
	 * @return the class, {@code Object} when not resolvable
	 */
	static Class<?> input(ResolvableType type) {
		Class<?> input = type.getGeneric(0).resolve();
		return (input != null) ? input : Object.class;
	}

	private static final class Stream extends LambdaFunction {

		private final RequestStreamHandler handler;

		Stream(String name, RequestStreamHandler handler) {
			super(name, byte[].class);
			this.handler = handler;
		}

		@Override
		Object invoke(@Nullable Object input, Context context) throws Throwable {
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			this.handler.handleRequest(new ByteArrayInputStream((byte[]) input), output, context);
			return output.toByteArray();
		}

	}

	private static final class Handler extends LambdaFunction {

		private final RequestHandler<Object, ?> handler;

		@SuppressWarnings("unchecked")
		Handler(String name, RequestHandler<?, ?> handler, Class<?> input) {
			super(name, input);
			this.handler = (RequestHandler<Object, ?>) handler;
		}

		@Override
		@Nullable Object invoke(@Nullable Object input, Context context) {
			return this.handler.handleRequest(input, context);
		}

	}

	private static final class JavaFunction extends LambdaFunction {

		private final Function<Object, ?> function;

		@SuppressWarnings("unchecked")
		JavaFunction(String name, Function<?, ?> function, Class<?> input) {
			super(name, input);
			this.function = (Function<Object, ?>) function;
		}

		@Override
		@Nullable Object invoke(@Nullable Object input, Context context) {
			return this.function.apply(input);
		}

	}

	private static final class BeanMethod extends LambdaFunction {

		private final Object bean;

		private final Method method;

		BeanMethod(String name, Object bean, Method method) {
			super(name, (method.getParameterCount() > 0) ? method.getParameterTypes()[0] : Map.class);
			this.bean = bean;
			this.method = method;
		}

		@Override
		@Nullable Object invoke(@Nullable Object input, Context context) throws Throwable {
			Object[] arguments = new Object[this.method.getParameterCount()];
			for (int i = 0; i < arguments.length; i++) {
				arguments[i] = (i == 0) ? input
						: Context.class.isAssignableFrom(this.method.getParameterTypes()[i]) ? context : null;
			}
			try {
				return this.method.invoke(this.bean, arguments);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}

	}

}
