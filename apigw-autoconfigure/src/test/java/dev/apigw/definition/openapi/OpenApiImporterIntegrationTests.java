package dev.apigw.definition.openapi;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.apigw.model.Api;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.MethodResponse;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Integrations as AWS exports them: a MOCK API with request and response templates and the
 * console's "Enable CORS" OPTIONS method, and a greedy proxy resource on ANY.
 */
class OpenApiImporterIntegrationTests {

	private final OpenApiImporter importer = new OpenApiImporter();

	@Test
	void importsMockRequestTemplateThatChoosesTheStatus() {
		Method get = mockCors().resource("/greeting").methods().get("GET");
		Integration integration = get.integration();
		assertThat(integration.type()).isEqualTo(IntegrationType.MOCK);
		assertThat(integration.passthroughBehavior()).isEqualTo(PassthroughBehavior.WHEN_NO_TEMPLATES);
		assertThat(integration.requestTemplates()).containsExactly(entry("application/json",
				"#if($input.params('name') == \"\")\n{\"statusCode\": 404}\n#else\n{\"statusCode\": 200}\n#end"));
		assertThat(get.requestParameters()).containsExactly(entry("method.request.querystring.name", false));
	}

	@Test
	void importsIntegrationResponsesInOrderWithDefaultLast() {
		List<IntegrationResponse> responses = mockCors().resource("/greeting").methods().get("GET").integration().responses();
		assertThat(responses).extracting(IntegrationResponse::selectionPattern).containsExactly("404", null);
		assertThat(responses.get(0)).isEqualTo(new IntegrationResponse("404", "404", Map.of(),
				Map.of("application/json", "{\"message\": \"nobody to greet\"}"), null));
		IntegrationResponse fallback = responses.get(1);
		assertThat(fallback.isDefault()).isTrue();
		assertThat(fallback.statusCode()).isEqualTo("200");
		assertThat(fallback.responseParameters())
			.containsExactly(entry("method.response.header.Access-Control-Allow-Origin", "'*'"));
		assertThat(fallback.responseTemplates()).containsExactly(
				entry("application/json",
						"#set($name = $input.params('name'))\n{\"greeting\": \"Hello, $util.escapeJavaScript($name)!\"}"),
				entry("text/plain", "Hello, $input.params('name')!"));
	}

	@Test
	void importsMethodResponsesWithAndWithoutModels() {
		Method get = mockCors().resource("/greeting").methods().get("GET");
		assertThat(get.methodResponses()).containsExactly(
				entry("200", new MethodResponse("200", Map.of("method.response.header.Access-Control-Allow-Origin", false),
						Map.of("application/json", "Empty"))),
				entry("404", MethodResponse.of("404")));
	}

	@Test
	void importsTheConsoleCorsOptionsMethod() {
		Api api = mockCors();
		Method options = api.resource("/greeting").methods().get("OPTIONS");
		assertThat(options.integration()).isEqualTo(Integration.builder(IntegrationType.MOCK)
			.requestTemplate("application/json", "{\"statusCode\": 200}")
			.response(new IntegrationResponse(null, "200",
					Map.of("method.response.header.Access-Control-Allow-Methods", "'GET,OPTIONS'",
							"method.response.header.Access-Control-Allow-Headers",
							"'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'",
							"method.response.header.Access-Control-Allow-Origin", "'*'"),
					Map.of(), null))
			.build());
		assertThat(options.integration().timeout()).isEqualTo(Integration.DEFAULT_TIMEOUT);
		assertThat(api.stages()).containsOnlyKeys("dev");
		assertThat(api.resources()).extracting(Resource::path).containsExactly("/", "/greeting");
		assertThat(api.resource("/").methods()).isEmpty();
	}

	@Test
	void importsAnyMethodOnAGreedyProxyResourceWithHttpProxy() {
		ImportResult result = this.importer.importWithWarnings("proxy", "proxy-oas30.json",
				Resources.read("proxy-oas30.json"));
		Api api = result.api();
		assertThat(result.warnings()).isEmpty();
		assertThat(api.title()).isEqualTo("PetStoreWithProxyResource");
		assertThat(api.stages()).containsExactly(entry("test", Stage.of("test", Map.of())));
		assertThat(api.resources()).extracting(Resource::path).containsExactly("/", "/{proxy+}");
		Method any = api.resource("/{proxy+}").methods().get("ANY");
		assertThat(any.httpMethod()).isEqualTo("ANY");
		assertThat(any.requestParameters()).containsExactly(entry("method.request.path.proxy", true));
		assertThat(any.methodResponses()).isEmpty();
		assertThat(any.integration()).isEqualTo(Integration.builder(IntegrationType.HTTP_PROXY)
			.uri("http://petstore-demo-endpoint.execute-api.com/petstore/{proxy}")
			.httpMethod("ANY")
			.requestParameter("integration.request.path.proxy", "method.request.path.proxy")
			.cacheNamespace("rbftud")
			.cacheKeyParameters(List.of("method.request.path.proxy"))
			.response(IntegrationResponse.of(null, "200"))
			.build());
	}

	@Test
	void createsTheIntermediateResourcesAwsCreatesWithoutMethods() {
		String document = """
				openapi: 3.0.1
				info: {title: nested, version: "1"}
				paths:
				  /shop/{shopId}/items/{proxy+}:
				    x-amazon-apigateway-any-method:
				      x-amazon-apigateway-integration: {type: http_proxy, uri: "http://items/{proxy}", httpMethod: ANY}
				  /shop:
				    get:
				      x-amazon-apigateway-integration: {type: mock}
				""";
		Api api = this.importer.importApi("nested", "inline", document);
		assertThat(api.resources()).extracting(Resource::path)
			.containsExactly("/", "/shop", "/shop/{shopId}", "/shop/{shopId}/items", "/shop/{shopId}/items/{proxy+}");
		assertThat(api.resource("/shop").methods()).containsOnlyKeys("GET");
		assertThat(api.resource("/shop/{shopId}").methods()).isEmpty();
		assertThat(api.resource("/shop/{shopId}/items").methods()).isEmpty();
		assertThat(api.stages()).isEmpty();
	}

	@Test
	void acceptsUpperCaseTypesNumbersAsTextAndTimeouts() {
		String document = """
				{"openapi": "3.0.1", "info": {"title": "loose", "version": 2},
				 "servers": [{"url": "https://example.com/beta"}],
				 "paths": {"/x": {"post": {
				   "x-amazon-apigateway-integration": {"type": "AWS", "uri": "my-function", "httpMethod": "post",
				     "timeoutInMillis": "50", "passthroughBehavior": "NEVER", "contentHandling": "CONVERT_TO_BINARY",
				     "responses": {"default": {"statusCode": 200, "contentHandling": "CONVERT_TO_TEXT"}}}}}}}
				""";
		Api api = this.importer.importApi("loose", "inline", document);
		Integration integration = api.resource("/x").methods().get("POST").integration();
		assertThat(api.version()).isEqualTo("2");
		assertThat(api.stages()).containsOnlyKeys("beta");
		assertThat(integration.type()).isEqualTo(IntegrationType.AWS);
		assertThat(integration.httpMethod()).isEqualTo("POST");
		assertThat(integration.timeout().toMillis()).isEqualTo(50);
		assertThat(integration.passthroughBehavior()).isEqualTo(PassthroughBehavior.NEVER);
		assertThat(integration.contentHandling()).hasToString("CONVERT_TO_BINARY");
		assertThat(integration.responses().get(0).statusCode()).isEqualTo("200");
		assertThat(integration.responses().get(0).contentHandling()).hasToString("CONVERT_TO_TEXT");
	}

	private Api mockCors() {
		return this.importer.importApi("mock", "mock-cors.json", Resources.read("mock-cors.json"));
	}

}
