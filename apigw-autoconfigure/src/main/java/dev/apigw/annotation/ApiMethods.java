package dev.apigw.annotation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What kind of method an {@link ApiMethod} annotates, shared by the annotation definition
 * source and the Lambda function registry so both name Lambda-style methods alike.
 */
public final class ApiMethods {

	private static final String PROXY_EVENT = "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent";

	private ApiMethods() {
	}

	/**
	 * The {@link ApiMethod} methods of a class that are Lambda-style: not WebFlux handler
	 * methods, taking the proxy event (or a {@code Map}) first.
	 * @param type the class
	 * @return the methods
	 */
	public static List<Method> lambdaMethods(Class<?> type) {
		List<Method> methods = new ArrayList<>();
		ReflectionUtils.doWithMethods(type, methods::add,
				(method) -> !method.isBridge() && AnnotatedElementUtils.hasAnnotation(method, ApiMethod.class)
						&& isLambdaStyle(method));
		return methods;
	}

	/**
	 * Whether a method is a WebFlux handler method.
	 * @param method the method
	 * @return {@code true} when it carries a request mapping
	 */
	public static boolean isHandlerMethod(Method method) {
		return AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class);
	}

	/**
	 * Whether a method is Lambda-style: no request mapping, and a first parameter that is
	 * {@code APIGatewayProxyRequestEvent} or a {@code Map}.
	 * @param method the method
	 * @return {@code true} for Lambda-style methods
	 */
	public static boolean isLambdaStyle(Method method) {
		if (isHandlerMethod(method) || method.getParameterCount() == 0 || method.getParameterCount() > 2) {
			return false;
		}
		Class<?> first = method.getParameterTypes()[0];
		return first.getName().equals(PROXY_EVENT) || Map.class.isAssignableFrom(first);
	}

	/**
	 * The function name a Lambda-style method is registered under.
	 * @param beanName the bean's name
	 * @param method the method
	 * @return {@code <bean name>.<method name>}
	 */
	public static String functionName(String beanName, Method method) {
		return beanName + "." + method.getName();
	}

}
