package dev.apigw.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method of an API (on a class annotated with {@link ApiResource}) whose
 * integration is the annotated Java method, reached in-process:
 * <ul>
 * <li>on a WebFlux handler method ({@code @GetMapping} and the like) the integration is an
 * {@code HTTP_PROXY} to {@code forward:} the handler's own path, dispatched by Spring Cloud
 * Gateway's forward routing filter without a network hop ({@code HTTP} with templates when
 * {@link #integrationType()} says so);</li>
 * <li>on a Lambda-style method taking {@code APIGatewayProxyRequestEvent} (and optionally a
 * Lambda {@code Context}) it is a {@code LAMBDA_PROXY} integration of that method
 * ({@code LAMBDA} with templates, the method taking a {@code Map}, when
 * {@link #integrationType()} is {@code AWS}).</li>
 * </ul>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApiMethod {

	/**
	 * The HTTP method, or {@code ANY}. By default the handler mapping's only method, else
	 * {@code ANY}.
	 * @return the verb
	 */
	String method() default "";

	/**
	 * The path below the {@link ApiResource#path()}, e.g. {@code /{id}}.
	 * @return the sub-path, empty for the resource itself
	 */
	String path() default "";

	/**
	 * The operation name.
	 * @return the name, empty for none
	 */
	String operationName() default "";

	/**
	 * Whether an API key is required.
	 * @return {@code true} to require one
	 */
	boolean apiKeyRequired() default false;

	/**
	 * The authorization type ({@code NONE}, {@code AWS_IAM}, {@code CUSTOM},
	 * {@code COGNITO_USER_POOLS}); {@code CUSTOM} by default when {@link #authorizer()} is
	 * set, else {@code NONE}.
	 * @return the type
	 */
	String authorizationType() default "";

	/**
	 * The authorizer's name.
	 * @return the name, empty for none
	 */
	String authorizer() default "";

	/**
	 * OAuth scopes for a Cognito-style authorizer.
	 * @return the scopes
	 */
	String[] authorizationScopes() default {};

	/**
	 * The request validator's name.
	 * @return the name, empty for the API's default
	 */
	String requestValidator() default "";

	/**
	 * Declared request parameters, as {@code method.request.querystring.q=true} (required)
	 * or {@code method.request.header.X=false}.
	 * @return the parameters
	 */
	String[] requestParameters() default {};

	/**
	 * The integration type: {@code HTTP_PROXY} or {@code HTTP} for handler methods,
	 * {@code AWS_PROXY} or {@code AWS} for Lambda-style methods; chosen by the method's shape
	 * by default.
	 * @return the type, empty for the default
	 */
	String integrationType() default "";

	/**
	 * The integration timeout in milliseconds.
	 * @return the timeout, AWS's 29 seconds by default
	 */
	long timeoutMillis() default 29_000;

	/**
	 * Integration request parameter mappings, as
	 * {@code integration.request.header.X=method.request.header.Y}.
	 * @return the mappings
	 */
	String[] integrationParameters() default {};

	/**
	 * Request mapping templates by content type (non-proxy integrations).
	 * @return the templates
	 */
	Template[] requestTemplates() default {};

	/**
	 * {@code WHEN_NO_MATCH}, {@code WHEN_NO_TEMPLATES} or {@code NEVER}.
	 * @return the passthrough behaviour
	 */
	String passthroughBehavior() default "WHEN_NO_MATCH";

	/**
	 * Integration responses (non-proxy integrations); a default {@code 200} when none.
	 * @return the responses
	 */
	Response[] responses() default {};

	/**
	 * A mapping template for a content type.
	 */
	@Target({})
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@interface Template {

		/**
		 * The content type.
		 * @return the content type
		 */
		String contentType() default "application/json";

		/**
		 * The template.
		 * @return the template text
		 */
		String value();

	}

	/**
	 * An integration response.
	 */
	@Target({})
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@interface Response {

		/**
		 * The selection pattern (a Java regular expression), empty for the default response.
		 * @return the pattern
		 */
		String selectionPattern() default "";

		/**
		 * The method response status.
		 * @return the status
		 */
		String statusCode() default "200";

		/**
		 * Response parameter mappings, as
		 * {@code method.response.header.X=integration.response.body.errorType}.
		 * @return the mappings
		 */
		String[] parameters() default {};

		/**
		 * Response templates by content type.
		 * @return the templates
		 */
		Template[] templates() default {};

	}

}
