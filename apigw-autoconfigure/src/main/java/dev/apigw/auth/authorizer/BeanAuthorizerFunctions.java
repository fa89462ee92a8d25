package dev.apigw.auth.authorizer;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * The default {@link AuthorizerFunctionResolver}: functions are beans, addressed by bean
 * name. A bean can be an {@link AuthorizerFunction}, a {@code Function} (over maps, or over
 * AWS's event and response classes), or an {@code aws-lambda-java-core}
 * {@code RequestHandler} such as {@code RequestHandler<APIGatewayCustomAuthorizerEvent,
 * IamPolicyResponse>}.
 */
public final class BeanAuthorizerFunctions implements AuthorizerFunctionResolver {

	private static final boolean LAMBDA_PRESENT = ClassUtils
		.isPresent("com.amazonaws.services.lambda.runtime.RequestHandler", BeanAuthorizerFunctions.class.getClassLoader());

	private final ListableBeanFactory beans;

	/**
	 * Creates the resolver.
	 * @param beans the beans functions are looked up in
	 */
	public BeanAuthorizerFunctions(ListableBeanFactory beans) {
		this.beans = beans;
	}

	@Override
	public @Nullable AuthorizerFunction resolve(String name) {
		String bean = name;
		if (!this.beans.containsBean(bean) && name.indexOf(':') > 0) {
			bean = name.substring(0, name.indexOf(':'));
		}
		if (!this.beans.containsBean(bean)) {
			return null;
		}
		Object target = this.beans.getBean(bean);
		if (target instanceof AuthorizerFunction function) {
			return function;
		}
		if (LAMBDA_PRESENT) {
			AuthorizerFunction handler = LambdaHandlers.adapt(name, target);
			if (handler != null) {
				return handler;
			}
		}
		if (target instanceof Function<?, ?> function) {
			return adapt(function, ResolvableType.forInstance(target).as(Function.class));
		}
		throw new IllegalArgumentException("The bean '" + bean + "' (" + target.getClass().getName()
				+ ") is not an AuthorizerFunction, a Function or a Lambda RequestHandler");
	}

	@SuppressWarnings("unchecked")
	private static AuthorizerFunction adapt(Function<?, ?> function, ResolvableType type) {
		Class<?> input = type.getGeneric(0).resolve(Object.class);
		Function<Object, Object> raw = (Function<Object, Object>) function;
		return (event) -> {
			Object argument = (Map.class.isAssignableFrom(input) || input == Object.class) ? event
					: EventJson.convert(event, input);
			return EventJson.toMap(raw.apply(argument));
		};
	}

	@Override
	public Set<String> names() {
		Set<String> names = new TreeSet<>(Set.of(this.beans.getBeanNamesForType(AuthorizerFunction.class)));
		names.addAll(Set.of(this.beans.getBeanNamesForType(Function.class)));
		if (LAMBDA_PRESENT) {
			names.addAll(LambdaHandlers.names(this.beans));
		}
		return names;
	}

}
