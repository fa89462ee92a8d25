package dev.apigw.integration.lambda;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.apigw.annotation.ApiMethods;
import dev.apigw.annotation.ApiResource;
import dev.apigw.definition.ApiDefinitionValidator;
import dev.apigw.routing.FunctionReference;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * The Lambda functions the gateway can invoke in-process, by function name: beans that are
 * {@link RequestHandler}s or {@link RequestStreamHandler}s (function name = bean name),
 * {@code Function} beans over the proxy event or {@code Map}, Lambda-style
 * {@code @ApiMethod} methods, the explicit {@code apigw.functions.<name>} mappings
 * ({@code bean:<bean name>} or {@code class:<handler class>}), and handler classes named
 * by their fully qualified name. A reference with an alias or version ({@code name:live})
 * resolves to a function registered under {@code name:live}, else to {@code name}.
 * Functions are resolved once (at start-up, when the definitions are validated) and kept.
 */
public final class LambdaFunctionRegistry {

	private static final String BEAN_PREFIX = "bean:";

	private static final String CLASS_PREFIX = "class:";

	private final ListableBeanFactory beanFactory;

	private final @Nullable ClassLoader classLoader;

	private final Map<String, Supplier<LambdaFunction>> candidates = new LinkedHashMap<>();

	private final Map<String, LambdaFunction> resolved = new ConcurrentHashMap<>();

	/**
	 * Creates the registry over an application's beans.
	 * @param beanFactory the bean factory handlers are looked up in
	 * @param mappings {@code apigw.functions}: function name to {@code bean:<name>} or
	 * {@code class:<fully qualified class name>}
	 * @param classLoader loads handler classes
	 */
	public LambdaFunctionRegistry(ListableBeanFactory beanFactory, Map<String, String> mappings,
			@Nullable ClassLoader classLoader) {
		this.beanFactory = beanFactory;
		this.classLoader = classLoader;
		for (Class<?> type : List.of(RequestHandler.class, RequestStreamHandler.class)) {
			for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
				this.candidates.put(name, () -> bean(name, name));
			}
		}
		for (String name : beanFactory.getBeanNamesForType(Function.class, true, false)) {
			Class<?> input = LambdaFunction.input(declaredType(name).as(Function.class));
			if (input.getName().equals(LambdaCodec.REQUEST_EVENT) || Map.class.isAssignableFrom(input)) {
				this.candidates.putIfAbsent(name, () -> bean(name, name));
			}
		}
		for (String name : beanFactory.getBeanNamesForAnnotation(ApiResource.class)) {
			Class<?> type = beanFactory.getType(name);
			if (type != null) {
				for (Method method : ApiMethods.lambdaMethods(ClassUtils.getUserClass(type))) {
					this.candidates.put(ApiMethods.functionName(name, method),
							() -> LambdaFunction.of(ApiMethods.functionName(name, method), beanFactory.getBean(name),
									method));
				}
			}
		}
		mappings.forEach((name, target) -> this.candidates.put(name, () -> mapped(name, target)));
	}

	/**
	 * The names of the registered functions (handler classes named by their class name are
	 * not listed).
	 * @return the names, sorted
	 */
	public Set<String> names() {
		return new TreeSet<>(this.candidates.keySet());
	}

	/**
	 * Whether a function can be invoked.
	 * @param reference the function
	 * @return {@code true} when it resolves to a handler
	 */
	public boolean contains(FunctionReference reference) {
		try {
			return resolve(reference) != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * A validator reporting every LAMBDA and LAMBDA_PROXY integration whose function does
	 * not resolve, per stage.
	 * @return the validator
	 */
	public ApiDefinitionValidator validator() {
		return new LambdaFunctionValidator(this);
	}

	/**
	 * Resolves a function.
	 * @param reference the reference
	 * @return the function, or {@code null} when nothing is registered under its name
	 * @throws IllegalArgumentException when a registration exists but is not a handler
	 */
	@Nullable LambdaFunction resolve(FunctionReference reference) {
		String key = reference.toString();
		LambdaFunction function = this.resolved.get(key);
		if (function != null) {
			return function;
		}
		Supplier<LambdaFunction> candidate = this.candidates.get(key);
		if (candidate == null) {
			candidate = this.candidates.get(reference.name());
		}
		if (candidate == null && reference.name().indexOf('.') > 0) {
			candidate = () -> instantiate(reference.name(), reference.name());
		}
		if (candidate == null) {
			return null;
		}
		function = candidate.get();
		this.resolved.put(key, function);
		return function;
	}

	private LambdaFunction bean(String function, String bean) {
		Object handler = this.beanFactory.getBean(bean);
		LambdaFunction adapted = LambdaFunction.of(function, handler, declaredType(bean));
		if (adapted == null) {
			throw new IllegalArgumentException("The bean '" + bean + "' (" + handler.getClass().getName()
					+ ") is not a RequestHandler, RequestStreamHandler or Function");
		}
		return adapted;
	}

	private LambdaFunction mapped(String name, String target) {
		if (target.startsWith(BEAN_PREFIX)) {
			String bean = target.substring(BEAN_PREFIX.length()).trim();
			if (!this.beanFactory.containsBean(bean)) {
				throw new IllegalArgumentException("apigw.functions." + name + " names the bean '" + bean
						+ "', but there is no such bean");
			}
			return bean(name, bean);
		}
		if (target.startsWith(CLASS_PREFIX)) {
			return instantiate(name, target.substring(CLASS_PREFIX.length()).trim());
		}
		throw new IllegalArgumentException("apigw.functions." + name + " must be 'bean:<bean name>' or "
				+ "'class:<handler class>', but was '" + target + "'");
	}

	private LambdaFunction instantiate(String name, String className) {
		Class<?> type;
		try {
			type = ClassUtils.forName(className, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new IllegalArgumentException("The handler class '" + className + "' of function '" + name
					+ "' is not on the classpath");
		}
		if (!RequestHandler.class.isAssignableFrom(type) && !RequestStreamHandler.class.isAssignableFrom(type)
				&& !Function.class.isAssignableFrom(type)) {
			throw new IllegalArgumentException("The class '" + className + "' of function '" + name
					+ "' is not a RequestHandler, RequestStreamHandler or Function");
		}
		Object handler;
		try {
			handler = BeanUtils.instantiateClass(type);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("The handler class '" + className + "' of function '" + name
					+ "' cannot be created with its no-argument constructor (as Lambda creates it): " + ex.getMessage());
		}
		return LambdaFunction.of(name, handler, ResolvableType.forClass(type));
	}

	private ResolvableType declaredType(String bean) {
		if (this.beanFactory instanceof ConfigurableListableBeanFactory configurable
				&& configurable.containsBeanDefinition(bean)) {
			ResolvableType type = configurable.getMergedBeanDefinition(bean).getResolvableType();
			if (type.resolve() != null && type.resolve() != Object.class) {
				return type;
			}
		}
		Class<?> type = this.beanFactory.getType(bean);
		return (type != null) ? ResolvableType.forClass(type) : ResolvableType.NONE;
	}

	/**
	 * Explains a reference that does not resolve.
	 * @param reference the reference
	 * @return the message
	 */
	String unknown(FunctionReference reference) {
		List<String> known = new ArrayList<>(names());
		return "No Lambda function '" + reference + "' is registered (known: " + (known.isEmpty() ? "none" : known)
				+ "); declare a RequestHandler, RequestStreamHandler or Function bean named '" + reference.name()
				+ "', or map it with apigw.functions." + reference.name() + "=bean:<name> or class:<handler class>";
	}

}
