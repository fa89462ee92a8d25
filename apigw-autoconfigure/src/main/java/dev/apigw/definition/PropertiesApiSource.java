package dev.apigw.definition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.definition.ResourceProperties.MethodProperties;
import dev.apigw.definition.ResourceProperties.MethodResponseProperties;
import dev.apigw.model.Api;
import dev.apigw.model.ApiKeySource;
import dev.apigw.model.Authorizer;
import dev.apigw.model.GatewayResponse;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.Method;
import dev.apigw.model.MethodResponse;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * APIs defined in application properties ({@code apigw.apis.*}).
 * <p>
 * Adds what AWS's console adds for a new method, so short YAML works: a MOCK without request
 * template answers {@code {"statusCode": 200}}, a non-proxy integration without responses
 * gets a default 200 response, and method responses default to the integration responses'
 * status codes.
 */
public final class PropertiesApiSource implements ApiDefinitionSource {

	static final String SOURCE = "application properties";

	private final ApigwProperties properties;

	private final @Nullable OpenApiLoader openApi;

	/**
	 * Creates a source over the bound properties.
	 * @param properties the properties
	 * @param openApi loads APIs defined by OpenAPI files, {@code null} when OpenAPI support
	 * is not on the classpath
	 */
	public PropertiesApiSource(ApigwProperties properties, @Nullable OpenApiLoader openApi) {
		this.properties = properties;
		this.openApi = openApi;
	}

	@Override
	public List<Api> apis() {
		List<Problem> problems = new ArrayList<>();
		List<Api> apis = new ArrayList<>();
		this.properties.getApis().forEach((id, api) -> {
			Api defined = toApi(id, api, problems);
			if (api.getOpenapi() == null) {
				apis.add(cors(id, defined, api, problems));
			}
			else if (this.openApi == null) {
				problems.add(new Problem(SOURCE, id, null, null, "apigw.apis." + id + ".openapi",
						"OpenAPI support needs io.swagger.parser.v3:swagger-parser-v3 on the classpath"));
			}
			else {
				try {
					apis.add(cors(id, ApiOverlay.merge(this.openApi.load(id, api.getOpenapi()), defined, api), api,
							problems));
				}
				catch (InvalidApiDefinitionException ex) {
					problems.addAll(ex.getProblems());
				}
			}
		});
		if (!problems.isEmpty()) {
			// report the rest of each definition's problems too, so one start-up shows all
			apis.forEach((api) -> problems.addAll(ApiValidator.validate(api)));
			throw new InvalidApiDefinitionException(problems);
		}
		return apis;
	}

	/**
	 * Converts one API's properties to the model, also used as the overlay over an imported
	 * OpenAPI definition.
	 */
	static Api toApi(String id, ApiProperties api, List<Problem> problems) {
		String prefix = "apigw.apis." + id;
		Api.Builder builder = Api.builder(id)
			.title(api.getTitle())
			.description(api.getDescription())
			.version(api.getVersion())
			.basePath(api.getBasePath())
			.host(api.getHost())
			.apiKeySource((api.getApiKeySource() != null) ? api.getApiKeySource() : ApiKeySource.HEADER)
			.binaryMediaTypes(api.getBinaryMediaTypes())
			.defaultRequestValidator(api.getDefaultRequestValidator())
			.policy(api.getPolicy())
			.source(SOURCE);
		for (int i = 0; i < api.getResources().size(); i++) {
			ResourceProperties resource = api.getResources().get(i);
			builder.resource(toResource(id, prefix + ".resources[" + i + "]", resource, problems));
		}
		api.getStages().forEach((name, stage) -> builder.stage(StageMapper.toRestStage(name, stage)));
		api.getGatewayResponses().forEach((type, response) -> builder.gatewayResponse(toGatewayResponse(type, response)));
		api.getModels().forEach(builder::model);
		api.getRequestValidators()
			.forEach((name, validator) -> builder.requestValidator(new RequestValidator(name,
					validator.isValidateRequestBody(), validator.isValidateRequestParameters())));
		api.getAuthorizers().forEach((name, authorizer) -> builder.authorizer(toAuthorizer(name, authorizer)));
		return builder.build();
	}

	private static Authorizer toAuthorizer(String name, AuthorizerProperties authorizer) {
		String type = authorizer.getType().trim().toUpperCase(Locale.ROOT);
		String identitySource = authorizer.getIdentitySource();
		if (identitySource == null && !type.equals("REQUEST")) {
			identitySource = "method.request.header.Authorization";
		}
		String uri = (authorizer.getFunction() != null) ? authorizer.getFunction() : authorizer.getAuthorizerUri();
		return new Authorizer(name, type, uri, identitySource, authorizer.getIdentityValidationExpression(),
				Duration.ofSeconds(authorizer.getAuthorizerResultTtlInSeconds()), authorizer.getProviderArns(),
				authorizer.getJwkSetUri(), authorizer.getAudiences());
	}

	/**
	 * Applies "Enable CORS" where the API or its resources ask for it, after any OpenAPI
	 * definition was merged in, so imported resources get it too.
	 */
	private static Api cors(String id, Api api, ApiProperties properties, List<Problem> problems) {
		CorsProperties apiCors = properties.getCors();
		CorsSettings apiSettings = settings(CorsSettings.DEFAULTS, apiCors);
		boolean apiWide = Boolean.TRUE.equals(apiCors.getEnabled());
		Map<String, CorsProperties> byPath = new LinkedHashMap<>();
		properties.getResources().forEach((resource) -> byPath.put(resource.getPath(), resource.getCors()));
		Map<String, CorsSettings> enabled = new LinkedHashMap<>();
		for (Resource resource : api.resources()) {
			CorsProperties own = byPath.get(resource.path());
			boolean on = (own != null && own.getEnabled() != null) ? own.getEnabled() : apiWide;
			if (on) {
				enabled.put(resource.path(), (own != null) ? settings(apiSettings, own) : apiSettings);
			}
		}
		try {
			return EnableCors.apply(api, enabled, apiWide ? apiSettings : null);
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Problem(SOURCE, id, null, null, "apigw.apis." + id + ".cors", ex.getMessage()));
			return api;
		}
	}

	private static CorsSettings settings(CorsSettings base, CorsProperties cors) {
		return base.with(cors.getAllowOrigin(), cors.getAllowHeaders(), cors.getAllowMethods(), cors.getExposeHeaders(),
				cors.getMaxAge(), cors.getAllowCredentials());
	}

	private static Resource toResource(String api, String prefix, ResourceProperties resource, List<Problem> problems) {
		Map<String, Method> methods = new LinkedHashMap<>();
		resource.getMethods().forEach((verb, method) -> {
			String httpMethod = verb.toUpperCase(Locale.ROOT);
			String field = prefix + ".methods." + verb;
			if (!Method.HTTP_METHODS.contains(httpMethod)) {
				problems.add(new Problem(SOURCE, api, resource.getPath(), verb, field,
						"Unknown HTTP method; expected one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY"));
				return;
			}
			if (methods.containsKey(httpMethod)) {
				problems.add(new Problem(SOURCE, api, resource.getPath(), httpMethod, field,
						"The method is defined twice (method names are case-insensitive)"));
				return;
			}
			methods.put(httpMethod, toMethod(api, resource.getPath(), httpMethod, field, method, problems));
		});
		return new Resource(resource.getPath(), resource.getDescription(), methods);
	}

	private static Method toMethod(String api, String path, String verb, String prefix, MethodProperties method,
			List<Problem> problems) {
		Integration integration = (method.getIntegration() != null) ? IntegrationMapper.REST.toIntegration(
				method.getIntegration(), ProblemSink.into(problems, SOURCE, api, path, verb).under(prefix + ".integration"))
				: null;
		Method.Builder builder = Method.builder(verb)
			.operationName(method.getOperationName())
			.summary(method.getSummary())
			.description(method.getDescription())
			.authorizationType(method.getAuthorizationType())
			.authorizerId(method.getAuthorizer())
			.authorizationScopes(method.getAuthorizationScopes())
			.apiKeyRequired(method.isApiKeyRequired())
			.requestParameters(method.getRequestParameters())
			.requestModels(method.getRequestModels())
			.requestValidator(method.getRequestValidator())
			.integration(integration);
		method.getResponses()
			.forEach((status, response) -> builder.methodResponse(toMethodResponse(status, response)));
		if (method.getResponses().isEmpty() && integration != null) {
			for (IntegrationResponse response : integration.responses()) {
				builder.methodResponse(MethodResponse.of(response.statusCode()));
			}
		}
		return builder.build();
	}

	private static MethodResponse toMethodResponse(String status, MethodResponseProperties response) {
		return new MethodResponse(status, response.getResponseParameters(), response.getResponseModels());
	}

	private static GatewayResponse toGatewayResponse(GatewayResponseType type, GatewayResponseProperties response) {
		return new GatewayResponse(type, response.getStatusCode(), response.getResponseParameters(),
				response.getResponseTemplates());
	}

}
