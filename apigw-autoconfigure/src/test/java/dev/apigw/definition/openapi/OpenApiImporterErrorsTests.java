package dev.apigw.definition.openapi;

import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.definition.InvalidApiDefinitionException.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Invalid documents fail with every problem found, each naming the API, the resource, the
 * method and the JSON pointer of the offending field.
 */
class OpenApiImporterErrorsTests {

	private static final String SOURCE = "openapi classpath:broken.yaml";

	private static final String INTEGRATION = "/paths/~1pets/get/x-amazon-apigateway-integration";

	private final OpenApiImporter importer = new OpenApiImporter();

	@Test
	void unparseableJsonNamesTheLine() {
		List<Problem> problems = problems("{\"openapi\": \"3.0.1\",\n \"info\": {");
		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.field()).isEqualTo("/");
			assertThat(problem.message()).startsWith("The file is neither valid JSON nor valid YAML").contains("line 2");
		});
	}

	@Test
	void unparseableYamlNamesTheLine() {
		assertThat(problems("openapi: 3.0.1\ninfo: [\n  title: x\n")).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).startsWith("The file is neither valid JSON nor valid YAML")
				.contains("line"));
	}

	@Test
	void aDocumentWithoutAVersionIsNotOpenApi() {
		assertThat(problems("info: {title: x}\npaths: {}\n")).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("Unsupported version"));
		assertThat(problems("swagger: \"1.2\"\n")).singleElement()
			.satisfies((problem) -> assertThat(problem.field()).isEqualTo("/swagger"));
		assertThat(problems("[1, 2]")).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("expected an object at the top level"));
	}

	@Test
	void unknownIntegrationTypeNamesResourceMethodAndPointer() {
		Problem problem = single(integration("type: lambda_function\nuri: x"));
		assertThat(problem.api()).isEqualTo("broken");
		assertThat(problem.source()).isEqualTo(SOURCE);
		assertThat(problem.resource()).isEqualTo("/pets");
		assertThat(problem.method()).isEqualTo("GET");
		assertThat(problem.field()).isEqualTo(INTEGRATION + "/type");
		assertThat(problem.message())
			.isEqualTo("Unknown integration type 'lambda_function'; expected aws, aws_proxy, http, http_proxy or mock");
		assertThat(problem.toString()).isEqualTo("API 'broken', resource '/pets', method GET, field '" + INTEGRATION
				+ "/type' (" + SOURCE + "): " + problem.message());
	}

	@Test
	void anIntegrationNeedsATypeAndAUriForBackends() {
		assertThat(single(integration("uri: http://x")).field()).isEqualTo(INTEGRATION + "/type");
		assertThat(single(integration("type: http")).field()).isEqualTo(INTEGRATION + "/uri");
	}

	@Test
	void malformedResponsesMaps() {
		assertThat(single(integration("type: mock\nresponses: [statusCode]")))
			.satisfies((problem) -> assertThat(problem.field()).isEqualTo(INTEGRATION + "/responses"));
		assertThat(single(integration("type: mock\nresponses:\n  '2\\d{2}': 200")).field())
			.isEqualTo(INTEGRATION + "/responses/2\\d{2}");
		assertThat(single(integration("type: mock\nresponses:\n  default: {responseTemplates: {}}")))
			.satisfies((problem) -> {
				assertThat(problem.field()).isEqualTo(INTEGRATION + "/responses/default/statusCode");
				assertThat(problem.message()).isEqualTo("An integration response needs a statusCode");
			});
		assertThat(single(integration("type: mock\nresponses:\n  default: {statusCode: '2000'}")).message())
			.isEqualTo("Invalid status code '2000'; expected 100 to 599");
	}

	@Test
	void aSelectionPatternMustBeAJavaRegularExpression() {
		Problem problem = single(integration("type: mock\nresponses:\n  '(2\\d{2}': {statusCode: '200'}"));
		assertThat(problem.field()).isEqualTo(INTEGRATION + "/responses/(2\\d{2}");
		assertThat(problem.message()).startsWith("Selection pattern '(2\\d{2}' is not a valid Java regular expression");
	}

	@Test
	void timeoutsOutsideAwsLimits() {
		for (String timeout : List.of("49", "29001", "soon")) {
			Problem problem = single(integration("type: http\nuri: http://x\ntimeoutInMillis: " + timeout));
			assertThat(problem.field()).isEqualTo(INTEGRATION + "/timeoutInMillis");
		}
		assertThat(single(integration("type: http\nuri: http://x\ntimeoutInMillis: 30000")).message())
			.isEqualTo("Integration timeout must be between 50 and 29000 ms, got 30000");
	}

	@Test
	void invalidEnumeratedIntegrationValues() {
		assertThat(single(integration("type: http\nuri: http://x\npassthroughBehavior: sometimes")).message())
			.contains("when_no_match, when_no_templates, never");
		assertThat(single(integration("type: http\nuri: http://x\ncontentHandling: ZIP")).field())
			.isEqualTo(INTEGRATION + "/contentHandling");
		assertThat(single(integration("type: http\nuri: http://x\nhttpMethod: FETCH")).field())
			.isEqualTo(INTEGRATION + "/httpMethod");
		assertThat(single(integration("type: http\nuri: http://x\nrequestParameters: {querystring.a: x}")).field())
			.isEqualTo(INTEGRATION + "/requestParameters/querystring.a");
	}

	@Test
	void unknownAuthorizerReference() {
		Problem problem = single(document("""
				    get:
				      security: [{missing-authorizer: []}]
				"""));
		assertThat(problem.field()).isEqualTo("/paths/~1pets/get/security/0/missing-authorizer");
		assertThat(problem.message()).isEqualTo(
				"Unknown authorizer reference: security scheme 'missing-authorizer' is not defined in /components/securitySchemes");
	}

	@Test
	void unknownValidatorReference() {
		Problem problem = single(document("""
				    post:
				      x-amazon-apigateway-request-validator: strict
				"""));
		assertThat(problem.resource()).isEqualTo("/pets");
		assertThat(problem.method()).isEqualTo("POST");
		assertThat(problem.field()).isEqualTo("/paths/~1pets/post/x-amazon-apigateway-request-validator");
		assertThat(problem.message()).startsWith("Unknown validator reference 'strict'");
		assertThat(single("openapi: 3.0.1\ninfo: {title: t}\nx-amazon-apigateway-request-validator: all\n").field())
			.isEqualTo("/x-amazon-apigateway-request-validator");
	}

	@Test
	void aGreedyVariableMustBeTheLastSegment() {
		Problem problem = single("""
				openapi: 3.0.1
				info: {title: t}
				paths:
				  /{proxy+}/items:
				    get: {}
				""");
		assertThat(problem.resource()).isEqualTo("/{proxy+}/items");
		assertThat(problem.field()).isEqualTo("/paths/~1{proxy+}~1items");
		assertThat(problem.message()).isEqualTo("A greedy path variable ({proxy+}) must be the last segment of the path");
	}

	@Test
	void invalidPaths() {
		assertThat(single("openapi: 3.0.1\ninfo: {title: t}\npaths:\n  pets: {}\n").message())
			.isEqualTo("A path must start with '/'");
		assertThat(single("openapi: 3.0.1\ninfo: {title: t}\npaths:\n  /pets/: {}\n").message())
			.startsWith("Empty path segment");
		assertThat(single("openapi: 3.0.1\ninfo: {title: t}\npaths:\n  /pets/id{petId}: {}\n").message())
			.startsWith("Invalid path segment 'id{petId}'");
		assertThat(single("openapi: 3.0.1\ninfo: {title: t}\npaths:\n  /pets/{id}: {}\n  /pets/{petId}: {}\n"))
			.satisfies((problem) -> {
				assertThat(problem.resource()).isEqualTo("/pets/{petId}");
				assertThat(problem.message()).isEqualTo(
						"A sibling ({id}) of this resource already has a variable path part -- only one is allowed");
			});
	}

	@Test
	void invalidAuthorizers() {
		String schemes = """
				openapi: 3.0.1
				info: {title: t}
				components:
				  securitySchemes:
				    jwt:
				      type: oauth2
				      x-amazon-apigateway-authorizer: {type: jwt}
				    noUri:
				      type: apiKey
				      name: Authorization
				      in: header
				      x-amazon-apigateway-authorizer: {type: token, authorizerResultTtlInSeconds: 7200}
				    pool:
				      type: apiKey
				      name: Authorization
				      in: header
				      x-amazon-apigateway-authorizer: {type: cognito_user_pools}
				""";
		assertThat(problems(schemes)).extracting(Problem::field).containsExactly(
				"/components/securitySchemes/jwt/x-amazon-apigateway-authorizer/type",
				"/components/securitySchemes/noUri/x-amazon-apigateway-authorizer/authorizerUri",
				"/components/securitySchemes/noUri/x-amazon-apigateway-authorizer/authorizerResultTtlInSeconds",
				"/components/securitySchemes/pool/x-amazon-apigateway-authorizer/providerARNs");
	}

	@Test
	void invalidApiLevelExtensions() {
		String document = """
				openapi: 3.0.1
				info: {title: t}
				x-amazon-apigateway-api-key-source: COOKIE
				x-amazon-apigateway-binary-media-types: image/png
				x-amazon-apigateway-gateway-responses:
				  NOT_A_TYPE: {statusCode: '400'}
				  THROTTLED: {statusCode: 'many', responseParameters: {header.Retry-After: "'1'"}}
				""";
		assertThat(problems(document)).extracting(Problem::field).containsExactly(
				"/x-amazon-apigateway-api-key-source", "/x-amazon-apigateway-binary-media-types",
				"/x-amazon-apigateway-gateway-responses/NOT_A_TYPE",
				"/x-amazon-apigateway-gateway-responses/THROTTLED/statusCode",
				"/x-amazon-apigateway-gateway-responses/THROTTLED/responseParameters/header.Retry-After");
	}

	@Test
	void invalidModels() {
		String document = """
				swagger: "2.0"
				info: {title: t}
				paths:
				  /pets:
				    post:
				      parameters: [{in: body, name: body, schema: {$ref: "#/definitions/Missing"}}]
				      responses: {"200": {description: ok, schema: {$ref: "#/definitions/Pet"}}}
				definitions:
				  Pet: {type: object, properties: {owner: {$ref: "#/definitions/Owner"}}}
				  Pet-Type: {type: string}
				""";
		List<Problem> problems = problems(document);
		assertThat(problems).extracting(Problem::field).containsExactly(
				"/definitions/Pet/properties/owner/$ref", "/definitions/Pet-Type",
				"/paths/~1pets/post/parameters/0/schema/$ref");
		assertThat(problems.get(1).message()).isEqualTo("Model name must be alphanumeric: 'Pet-Type'");
		assertThat(problems.get(2).message())
			.isEqualTo("Reference '#/definitions/Missing' does not name a model defined in /definitions");
		assertThat(problems.get(2).method()).isEqualTo("POST");
	}

	@Test
	void structuralErrorsFoundBySwaggerParser() {
		Problem problem = single("""
				openapi: 3.0.1
				info: {title: t, version: "1"}
				paths:
				  /pets:
				    get:
				      tags: not-a-list
				      responses: {"200": {description: ok}}
				""");
		assertThat(problem.resource()).isEqualTo("/pets");
		assertThat(problem.method()).isEqualTo("GET");
		assertThat(problem.field()).isEqualTo("/paths/~1pets/get/tags");
		assertThat(problem.message()).isEqualTo("The value is not of type 'array'");
	}

	@Test
	void structuralErrorsInSwagger2FoundBySwaggerParser() {
		Problem problem = single("""
				swagger: "2.0"
				info: {title: t, version: "1"}
				paths:
				  /pets:
				    get:
				      produces: application/json
				      responses: {"200": {description: ok}}
				""");
		assertThat(problem.method()).isEqualTo("GET");
		assertThat(problem.field()).isEqualTo("/paths/~1pets/get/produces");
	}

	@Test
	void reportsEveryProblemAtOnce() {
		String document = """
				openapi: 3.0.1
				info: {title: t}
				paths:
				  /pets:
				    get:
				      security: [{nobody: []}]
				      x-amazon-apigateway-integration: {type: http, uri: "http://x", timeoutInMillis: 1}
				    post:
				      x-amazon-apigateway-request-validator: strict
				      x-amazon-apigateway-integration: {type: smtp}
				  /a/{greedy+}/b:
				    get: {}
				""";
		InvalidApiDefinitionException failure = failure(document);
		assertThat(failure.getProblems()).extracting(Problem::field).containsExactly(
				"/paths/~1pets/get/security/0/nobody", INTEGRATION + "/timeoutInMillis",
				"/paths/~1pets/post/x-amazon-apigateway-request-validator",
				"/paths/~1pets/post/x-amazon-apigateway-integration/type", "/paths/~1a~1{greedy+}~1b");
		assertThat(failure.getMessage().lines()).hasSize(5);
		assertThat(failure.getMessage()).contains("API 'broken', resource '/pets', method POST, field "
				+ "'/paths/~1pets/post/x-amazon-apigateway-integration/type' (openapi classpath:broken.yaml)");
	}

	private String integration(String fields) {
		return document("    get:\n      x-amazon-apigateway-integration:\n"
				+ fields.lines().map((line) -> "        " + line + "\n").reduce("", String::concat));
	}

	private String document(String pets) {
		return "openapi: 3.0.1\ninfo: {title: t}\nx-amazon-apigateway-request-validators: {all: {}}\n"
				+ "paths:\n  /pets:\n" + pets;
	}

	private Problem single(String document) {
		List<Problem> problems = problems(document);
		assertThat(problems).hasSize(1);
		return problems.get(0);
	}

	private List<Problem> problems(String document) {
		return failure(document).getProblems();
	}

	private InvalidApiDefinitionException failure(String document) {
		ThrowingCallable importing = () -> this.importer.importApi("broken", SOURCE, document);
		InvalidApiDefinitionException failure = catchThrowableOfType(InvalidApiDefinitionException.class, importing);
		assertThat(failure).as("import of\n%s", document).isNotNull();
		for (Problem problem : failure.getProblems()) {
			assertThat(failure.getMessage()).contains("field '" + problem.field() + "'");
		}
		return failure;
	}

}
