package dev.apigw.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A REST API: its resources and methods, stages, gateway response customisations, models,
 * validators and authorizers. Immutable; validated once at start-up.
 *
 * @param id the API id, used in default URLs ({@code /{id}/{stage}/...}), in metrics and
 * in {@code $context.apiId}
 * @param title a human-readable name
 * @param description a description
 * @param version the API version for documentation
 * @param basePath where the API is mounted, before the stage segment; {@code null} for
 * {@code /{id}}, {@code /} for the root (as on an execute-api host)
 * @param host the only host the API answers on, {@code null} for any host
 * @param apiKeySource where API keys come from
 * @param binaryMediaTypes media types treated as binary
 * @param resources resources in definition order
 * @param stages stage name to stage
 * @param gatewayResponses customised gateway responses
 * @param models model name to JSON schema (draft 4) text
 * @param requestValidators validator name to validator
 * @param defaultRequestValidator the validator used by methods that name none
 * @param authorizers authorizer name to authorizer
 * @param source where the definition came from, for messages (e.g. "application properties")
 * @param policy the resource policy (an IAM-style policy document as JSON text), evaluated
 * before every other check; {@code null} for none
 */
public record Api(String id, @Nullable String title, @Nullable String description, @Nullable String version,
		@Nullable String basePath, @Nullable String host, ApiKeySource apiKeySource, List<String> binaryMediaTypes,
		List<Resource> resources, Map<String, Stage> stages, Map<GatewayResponseType, GatewayResponse> gatewayResponses,
		Map<String, String> models, Map<String, RequestValidator> requestValidators,
		@Nullable String defaultRequestValidator, Map<String, Authorizer> authorizers, String source,
		@Nullable String policy) implements DeployableApi {

	public Api {
		binaryMediaTypes = Copies.list(binaryMediaTypes);
		resources = Copies.list(resources);
		stages = Copies.map(stages);
		gatewayResponses = gatewayResponses.isEmpty() ? Map.of()
				: java.util.Collections.unmodifiableMap(new EnumMap<>(gatewayResponses));
		models = Copies.map(models);
		requestValidators = Copies.map(requestValidators);
		authorizers = Copies.map(authorizers);
	}

	/**
	 * This API with other resources.
	 * @param replacement the resources
	 * @return the copy
	 */
	public Api withResources(List<Resource> replacement) {
		return new Api(this.id, this.title, this.description, this.version, this.basePath, this.host, this.apiKeySource,
				this.binaryMediaTypes, replacement, this.stages, this.gatewayResponses, this.models, this.requestValidators,
				this.defaultRequestValidator, this.authorizers, this.source, this.policy);
	}

	/**
	 * The resource with the given path.
	 * @param path the path template
	 * @return the resource, or {@code null}
	 */
	public @Nullable Resource resource(String path) {
		for (Resource resource : this.resources) {
			if (resource.path().equals(path)) {
				return resource;
			}
		}
		return null;
	}

	/**
	 * Starts a builder.
	 * @param id the API id
	 * @return a builder
	 */
	public static Builder builder(String id) {
		return new Builder(id);
	}

	/**
	 * A builder seeded with this API's values.
	 * @return a builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.id).title(this.title)
			.description(this.description)
			.version(this.version)
			.basePath(this.basePath)
			.host(this.host)
			.apiKeySource(this.apiKeySource)
			.defaultRequestValidator(this.defaultRequestValidator)
			.source(this.source)
			.policy(this.policy);
		builder.binaryMediaTypes.addAll(this.binaryMediaTypes);
		builder.resources.addAll(this.resources);
		builder.stages.putAll(this.stages);
		builder.gatewayResponses.putAll(this.gatewayResponses);
		builder.models.putAll(this.models);
		builder.requestValidators.putAll(this.requestValidators);
		builder.authorizers.putAll(this.authorizers);
		return builder;
	}

	/**
	 * Builds {@link Api}s.
	 */
	public static final class Builder {

		private final String id;

		private @Nullable String title;

		private @Nullable String description;

		private @Nullable String version;

		private @Nullable String basePath;

		private @Nullable String host;

		private ApiKeySource apiKeySource = ApiKeySource.HEADER;

		private final List<String> binaryMediaTypes = new ArrayList<>();

		private final List<Resource> resources = new ArrayList<>();

		private final Map<String, Stage> stages = new LinkedHashMap<>();

		private final Map<GatewayResponseType, GatewayResponse> gatewayResponses = new EnumMap<>(
				GatewayResponseType.class);

		private final Map<String, String> models = new LinkedHashMap<>();

		private final Map<String, RequestValidator> requestValidators = new LinkedHashMap<>();

		private @Nullable String defaultRequestValidator;

		private final Map<String, Authorizer> authorizers = new LinkedHashMap<>();

		private String source = "code";

		private @Nullable String policy;

		private Builder(String id) {
			this.id = id;
		}

		public Builder title(@Nullable String title) {
			this.title = title;
			return this;
		}

		public Builder description(@Nullable String description) {
			this.description = description;
			return this;
		}

		public Builder version(@Nullable String version) {
			this.version = version;
			return this;
		}

		public Builder basePath(@Nullable String basePath) {
			this.basePath = basePath;
			return this;
		}

		public Builder host(@Nullable String host) {
			this.host = host;
			return this;
		}

		public Builder apiKeySource(ApiKeySource apiKeySource) {
			this.apiKeySource = apiKeySource;
			return this;
		}

		public Builder binaryMediaTypes(List<String> types) {
			this.binaryMediaTypes.addAll(types);
			return this;
		}

		public Builder resource(Resource resource) {
			this.resources.add(resource);
			return this;
		}

		public Builder resources(List<Resource> resources) {
			this.resources.addAll(resources);
			return this;
		}

		public Builder stage(Stage stage) {
			this.stages.put(stage.name(), stage);
			return this;
		}

		public Builder gatewayResponse(GatewayResponse response) {
			this.gatewayResponses.put(response.type(), response);
			return this;
		}

		public Builder model(String name, String schema) {
			this.models.put(name, schema);
			return this;
		}

		public Builder requestValidator(RequestValidator validator) {
			this.requestValidators.put(validator.name(), validator);
			return this;
		}

		public Builder defaultRequestValidator(@Nullable String name) {
			this.defaultRequestValidator = name;
			return this;
		}

		public Builder authorizer(Authorizer authorizer) {
			this.authorizers.put(authorizer.name(), authorizer);
			return this;
		}

		public Builder source(String source) {
			this.source = source;
			return this;
		}

		public Builder policy(@Nullable String policy) {
			this.policy = policy;
			return this;
		}

		public Api build() {
			return new Api(this.id, this.title, this.description, this.version, this.basePath, this.host,
					this.apiKeySource, this.binaryMediaTypes, this.resources, this.stages, this.gatewayResponses,
					this.models, this.requestValidators, this.defaultRequestValidator, this.authorizers, this.source,
					this.policy);
		}

	}

}
