package dev.apigw.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a bean's {@link ApiMethod} methods are methods of an API, below a resource
 * path. The API may also be defined in application properties or by other classes; all
 * definitions of one API id are merged.
 *
 * <pre class="code">
 * &#64;RestController
 * &#64;ApiResource(api = "shop", path = "/orders", stages = "dev")
 * class OrderController {
 *
 *     &#64;GetMapping("/internal/orders/{id}")
 *     &#64;ApiMethod(path = "/{id}")
 *     Mono&lt;Order&gt; order(&#64;PathVariable String id) { ... }
 *
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApiResource {

	/**
	 * The API id.
	 * @return the id
	 */
	String api();

	/**
	 * The resource path the methods' paths are relative to.
	 * @return the path, {@code /} by default
	 */
	String path() default "/";

	/**
	 * Stages the API is served by, when no other source defines them (a stage defined in
	 * application properties, with its variables, takes the place of a stage named here).
	 * @return the stage names
	 */
	String[] stages() default {};

}
