package dev.apigw.definition.openapi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.model.Api;
import dev.apigw.model.ApiKeySource;
import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Authorizer;
import dev.apigw.model.ContentHandling;
import dev.apigw.model.DefaultModels;
import dev.apigw.model.GatewayResponse;
import dev.apigw.model.GatewayResponseType;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationResponse;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.MethodResponse;
import dev.apigw.model.PassthroughBehavior;
import dev.apigw.model.RequestValidator;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;

/**
 * An API built in code that sets every field the OpenAPI mapping carries, in the canonical
 * form an import produces (root and intermediate resources present, parents first, models as
 * compact JSON with references in AWS's model URL form).
 */
final class FullApi {

	static final String ID = "fullapi";

	static final String SOURCE = "code";

	private FullApi() {
	}

	static Api build() {
		return Api.builder(ID)
			.title("Full API")
			.description("Every field the OpenAPI mapping carries")
			.version("2024-06-01")
			.apiKeySource(ApiKeySource.AUTHORIZER)
			.binaryMediaTypes(List.of("image/png", "application/octet-stream"))
			.resource(Resource.of("/", rootGet()))
			.resource(pets())
			.resource(Resource.of("/pets/{petId}", petGet(), petPatch(), petDelete()))
			.resource(Resource.of("/files"))
			.resource(Resource.of("/files/{proxy+}", filesAny()))
			.stage(Stage.of("prod", Map.of()))
			.gatewayResponse(new GatewayResponse(GatewayResponseType.DEFAULT_4XX, null,
					Map.of("gatewayresponse.header.Access-Control-Allow-Origin", "'*'"),
					Map.of("application/json", "{\"message\":$context.error.messageString,\"type\":\"$context.error.responseType\"}")))
			.gatewayResponse(new GatewayResponse(GatewayResponseType.INVALID_API_KEY, 429, Map.of(),
					Map.of("application/json", "{\"message\": \"test forbidden\"}")))
			.model("Pet", "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},\"type\":{\"$ref\":\""
					+ url("PetType") + "\"},\"price\":{\"type\":\"number\",\"minimum\":25,\"maximum\":500}},"
					+ "\"required\":[\"type\",\"price\"]}")
			.model("PetType", "{\"type\":\"string\",\"enum\":[\"dog\",\"cat\",\"fish\"]}")
			.model("Pets", "{\"type\":\"array\",\"items\":{\"$ref\":\"" + url("Pet") + "\"}}")
			// AWS's default model keeps its text, $schema included, through export and import
			.model("Error", DefaultModels.ERROR_SCHEMA)
			.requestValidator(new RequestValidator("all", true, true))
			.requestValidator(new RequestValidator("params-only", false, true))
			.defaultRequestValidator("params-only")
			.authorizer(new Authorizer("tokenAuth", "TOKEN",
					"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:token-auth/invocations",
					"method.request.header.Authorization", "^Bearer [-0-9a-zA-Z._]+$", Duration.ofSeconds(60), List.of()))
			.authorizer(new Authorizer("requestAuth", "REQUEST", "request-auth",
					"method.request.header.X-Token, method.request.querystring.token", null, Duration.ZERO, List.of()))
			.authorizer(new Authorizer("cognitoAuth", "COGNITO_USER_POOLS", null, "method.request.header.Authorization",
					null, Authorizer.DEFAULT_TTL,
					List.of("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_ABC123")))
			.source(SOURCE)
			.build();
	}

	static String url(String model) {
		return "https://apigateway.amazonaws.com/restapis/" + ID + "/models/" + model;
	}

	private static Method rootGet() {
		return Method.builder("GET")
			.methodResponse(new MethodResponse("200", Map.of("method.response.header.Content-Type", false), Map.of()))
			.integration(Integration.builder(IntegrationType.MOCK)
				.requestTemplate("application/json", "{\"statusCode\": 200}")
				.response(new IntegrationResponse(null, "200", Map.of("method.response.header.Content-Type", "'text/html'"),
						Map.of("text/html", "<html>\n  <body>\n    <h1>Hello from $context.stage</h1>\n  </body>\n</html>\n"),
						null))
				.build())
			.build();
	}

	private static Resource pets() {
		Method get = Method.builder("GET")
			.operationName("ListPets")
			.summary("List all pets")
			.description("Lists the pets of the store, a page at a time.")
			.requestParameter("method.request.querystring.type", false)
			.requestParameter("method.request.querystring.page", true)
			.requestParameter("method.request.header.X-Trace", false)
			.methodResponse(new MethodResponse("200",
					Map.of("method.response.header.Access-Control-Allow-Origin", true),
					Map.of("application/json", "Pets")))
			.methodResponse(new MethodResponse("400", Map.of(), Map.of("application/json", "Error")))
			.methodResponse(MethodResponse.of("500"))
			.integration(Integration.builder(IntegrationType.HTTP)
				.uri("http://petstore-demo-endpoint.execute-api.com/petstore/pets")
				.httpMethod("GET")
				.timeout(Duration.ofMillis(5000))
				.requestParameter("integration.request.querystring.type", "method.request.querystring.type")
				.requestParameter("integration.request.header.X-Page", "method.request.querystring.page")
				.requestTemplate("application/json", "#set($p = $input.params('page'))\n{\"page\": \"$p\"}")
				.requestTemplate("application/xml", "<page>$input.params('page')</page>")
				.passthroughBehavior(PassthroughBehavior.WHEN_NO_TEMPLATES)
				.contentHandling(ContentHandling.CONVERT_TO_TEXT)
				.cacheKeyParameters(List.of("method.request.querystring.type"))
				.cacheNamespace("pets")
				.response(new IntegrationResponse("2\\d{2}", "200",
						Map.of("method.response.header.Access-Control-Allow-Origin", "'*'"),
						Map.of("application/json", "$input.json('$')"), null))
				.response(new IntegrationResponse("4\\d{2}", "400", Map.of(), Map.of(),
						ContentHandling.CONVERT_TO_BINARY))
				.response(IntegrationResponse.of(null, "500"))
				.build())
			.build();
		Method post = Method.builder("POST")
			.operationName("CreatePet")
			.authorizationType(AuthorizationType.AWS_IAM)
			.apiKeyRequired(true)
			.requestModel("application/json", "Pet")
			.requestValidator("all")
			.methodResponse(new MethodResponse("200", Map.of(), Map.of("application/json", "Pet")))
			.integration(Integration.builder(IntegrationType.HTTP_PROXY)
				.uri("http://petstore-demo-endpoint.execute-api.com/petstore/pets")
				.httpMethod("POST")
				.build())
			.build();
		Map<String, Method> methods = new LinkedHashMap<>();
		methods.put("GET", get);
		methods.put("POST", post);
		return new Resource("/pets", "The pets", methods);
	}

	private static Method petGet() {
		return Method.builder("GET")
			.authorizationType(AuthorizationType.CUSTOM)
			.authorizerId("tokenAuth")
			.requestParameter("method.request.path.petId", true)
			.methodResponse(MethodResponse.of("200"))
			.methodResponse(MethodResponse.of("404"))
			.integration(Integration.builder(IntegrationType.AWS)
				.uri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations")
				.httpMethod("POST")
				.requestTemplate("application/json", "{\"petId\": \"$input.params('petId')\"}")
				.passthroughBehavior(PassthroughBehavior.NEVER)
				.response(new IntegrationResponse(".*not found.*", "404", Map.of(),
						Map.of("application/json", "{\"message\": \"$input.path('$.errorMessage')\"}"), null))
				.response(IntegrationResponse.of(null, "200"))
				.build())
			.build();
	}

	private static Method petPatch() {
		return Method.builder("PATCH")
			.authorizationType(AuthorizationType.CUSTOM)
			.authorizerId("requestAuth")
			.requestParameter("method.request.path.petId", true)
			.requestParameter("method.request.header.X-Token", true)
			.integration(Integration.builder(IntegrationType.AWS_PROXY).uri("pets-function").httpMethod("POST").build())
			.build();
	}

	private static Method petDelete() {
		return Method.builder("DELETE")
			.authorizationType(AuthorizationType.COGNITO_USER_POOLS)
			.authorizerId("cognitoAuth")
			.authorizationScopes(List.of("email", "openid"))
			.requestParameter("method.request.path.petId", true)
			.build();
	}

	private static Method filesAny() {
		return Method.builder("ANY")
			.requestParameter("method.request.path.proxy", true)
			.integration(Integration.builder(IntegrationType.HTTP_PROXY)
				.uri("http://files.example.com/{proxy}")
				.httpMethod("ANY")
				.requestParameter("integration.request.path.proxy", "method.request.path.proxy")
				.cacheKeyParameters(List.of("method.request.path.proxy"))
				.response(IntegrationResponse.of(null, "200"))
				.build())
			.build();
	}

}
