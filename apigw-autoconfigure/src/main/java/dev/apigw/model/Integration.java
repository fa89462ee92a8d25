package dev.apigw.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The backend of a method and how requests and responses are mapped to and from it.
 *
 * @param type the integration type
 * @param uri the backend URI ({@code http://...}, {@code lb://...}, a Lambda ARN or function
 * name); may contain {@code ${stageVariables.x}} and {@code {param}} placeholders;
 * {@code null} for MOCK
 * @param httpMethod the method used towards an HTTP backend; {@code null} or {@code ANY}
 * means the request's own method
 * @param timeout the integration timeout (AWS default 29 s)
 * @param requestParameters {@code integration.request.{header|querystring|path}.X} to a source
 * expression
 * @param requestTemplates content type to mapping template, in definition order
 * @param passthroughBehavior what happens to bodies whose content type has no template
 * @param contentHandling conversion of the request body, {@code null} for passthrough
 * @param cacheKeyParameters the method request parameters that are part of the cache key
 * @param cacheNamespace the cache namespace, {@code null} for the resource's own
 * @param responses integration responses in definition order
 */
public record Integration(IntegrationType type, @Nullable String uri, @Nullable String httpMethod, Duration timeout,
		Map<String, String> requestParameters, Map<String, String> requestTemplates,
		PassthroughBehavior passthroughBehavior, @Nullable ContentHandling contentHandling,
		List<String> cacheKeyParameters, @Nullable String cacheNamespace, List<IntegrationResponse> responses) {

	/** AWS's default integration timeout. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(29_000);

	public Integration {
		requestParameters = Copies.map(requestParameters);
		requestTemplates = Copies.map(requestTemplates);
		cacheKeyParameters = Copies.list(cacheKeyParameters);
		responses = Copies.list(responses);
	}

	/**
	 * Starts a builder with AWS's defaults.
	 * @param type the integration type
	 * @return a builder
	 */
	public static Builder builder(IntegrationType type) {
		return new Builder(type);
	}

	/**
	 * A builder seeded with this integration's values.
	 * @return a builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.type).uri(this.uri)
			.httpMethod(this.httpMethod)
			.timeout(this.timeout)
			.passthroughBehavior(this.passthroughBehavior)
			.contentHandling(this.contentHandling)
			.cacheNamespace(this.cacheNamespace);
		builder.requestParameters.putAll(this.requestParameters);
		builder.requestTemplates.putAll(this.requestTemplates);
		builder.cacheKeyParameters.addAll(this.cacheKeyParameters);
		builder.responses.addAll(this.responses);
		return builder;
	}

	/**
	 * Builds {@link Integration}s.
	 */
	public static final class Builder {

		private final IntegrationType type;

		private @Nullable String uri;

		private @Nullable String httpMethod;

		private Duration timeout = DEFAULT_TIMEOUT;

		private final Map<String, String> requestParameters = new LinkedHashMap<>();

		private final Map<String, String> requestTemplates = new LinkedHashMap<>();

		private PassthroughBehavior passthroughBehavior = PassthroughBehavior.WHEN_NO_MATCH;

		private @Nullable ContentHandling contentHandling;

		private final List<String> cacheKeyParameters = new ArrayList<>();

		private @Nullable String cacheNamespace;

		private final List<IntegrationResponse> responses = new ArrayList<>();

		private Builder(IntegrationType type) {
			this.type = type;
		}

		public Builder uri(@Nullable String uri) {
			this.uri = uri;
			return this;
		}

		public Builder httpMethod(@Nullable String httpMethod) {
			this.httpMethod = httpMethod;
			return this;
		}

		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		public Builder requestParameter(String target, String source) {
			this.requestParameters.put(target, source);
			return this;
		}

		public Builder requestParameters(Map<String, String> parameters) {
			this.requestParameters.putAll(parameters);
			return this;
		}

		public Builder requestTemplate(String contentType, String template) {
			this.requestTemplates.put(contentType, template);
			return this;
		}

		public Builder requestTemplates(Map<String, String> templates) {
			this.requestTemplates.putAll(templates);
			return this;
		}

		public Builder passthroughBehavior(PassthroughBehavior passthroughBehavior) {
			this.passthroughBehavior = passthroughBehavior;
			return this;
		}

		public Builder contentHandling(@Nullable ContentHandling contentHandling) {
			this.contentHandling = contentHandling;
			return this;
		}

		public Builder cacheKeyParameters(List<String> parameters) {
			this.cacheKeyParameters.addAll(parameters);
			return this;
		}

		public Builder cacheNamespace(@Nullable String cacheNamespace) {
			this.cacheNamespace = cacheNamespace;
			return this;
		}

		public Builder response(IntegrationResponse response) {
			this.responses.add(response);
			return this;
		}

		public Builder responses(List<IntegrationResponse> responses) {
			this.responses.addAll(responses);
			return this;
		}

		public Integration build() {
			return new Integration(this.type, this.uri, this.httpMethod, this.timeout, this.requestParameters,
					this.requestTemplates, this.passthroughBehavior, this.contentHandling, this.cacheKeyParameters,
					this.cacheNamespace, this.responses);
		}

	}

}
