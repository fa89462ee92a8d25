package dev.apigw.template;

import java.util.Map;

/**
 * {@code $context.authorizer.claims}: its properties resolve ({@code $context.authorizer.claims.sub})
 * but, as AWS documents ("calling {@code $context.authorizer.claims} returns null"), the map itself
 * prints as nothing.
 */
final class QuietMap extends MapView {

	QuietMap(Map<?, ?> target) {
		super(target);
	}

}
