package dev.apigw.definition.openapi;

import org.junit.jupiter.api.Test;

import dev.apigw.model.AuthorizationType;
import dev.apigw.model.Method;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is read but not supported is not an error: it is listed, with its JSON pointer, for
 * one start-up warning.
 */
class OpenApiImporterWarningsTests {

	private final ImportResult result = new OpenApiImporter().importWithWarnings("unsupported",
			"openapi classpath:unsupported-oas30.json", Resources.read("unsupported-oas30.json"));

	@Test
	void listsEveryIgnoredFeatureWithItsJsonPointer() {
		assertThat(this.result.warnings()).containsExactlyInAnyOrder(
				"/paths/~1orders/get/responses/default: method responses need an exact status code; ignored",
				"/paths/~1orders/get/parameters/0: 'cookie' parameters are not supported by API Gateway; ignored",
				"/paths/~1orders/get/x-amazon-apigateway-integration/connectionId: not supported (VPC links are not"
						+ " supported; the uri is called directly); ignored",
				"/paths/~1orders/get/x-amazon-apigateway-integration/credentials: not supported (integration"
						+ " credentials (an IAM role) are not used; the backend is called without them); ignored",
				"/paths/~1orders/get/x-amazon-apigateway-integration/tlsConfig: not supported (per-integration TLS"
						+ " settings are not supported; the HTTP client's settings apply); ignored",
				"/paths/~1orders/get/x-amazon-apigateway-integration/connectionType: not supported (private"
						+ " integrations through a VPC link); the uri is called directly",
				"/paths/~1orders/trace: API Gateway has no TRACE methods; ignored",
				"/components/securitySchemes/oauth: security scheme of type 'oauth2' without"
						+ " x-amazon-apigateway-authorizer is not supported; methods that use it are not protected by it",
				"/x-amazon-apigateway-endpoint-configuration: not supported (endpoint types, VPC endpoints and the"
						+ " execute-api switch do not apply; the API is served by this application); ignored",
				"/x-amazon-apigateway-minimum-compression-size: not supported (response compression is configured"
						+ " on the server); ignored",
				"/x-amazon-apigateway-importexport-version: not supported (the import/export format version is not"
						+ " needed); ignored",
				"/x-amazon-apigateway-documentation: not supported (documentation parts are not kept); ignored",
				"/tags/0/x-amazon-apigateway-tag-value: not supported (tags are not kept); ignored");
	}

	@Test
	void importsTheRestAsIfTheIgnoredPartsWereAbsent() {
		Method get = this.result.api().resource("/orders").methods().get("GET");
		assertThat(this.result.api().resource("/orders").methods()).containsOnlyKeys("GET");
		assertThat(get.methodResponses()).containsOnlyKeys("200");
		assertThat(get.requestParameters()).isEmpty();
		assertThat(get.authorizationType()).isEqualTo(AuthorizationType.NONE);
		assertThat(get.integration().uri()).isEqualTo("http://internal-nlb.example.com/orders");
	}

	@Test
	void importsTheResourcePolicy() {
		assertThat(this.result.api().policy()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
				+ "\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\"}]}");
	}

	@Test
	void describesAllWarningsInOneMessage() {
		String message = this.result.describeWarnings();
		assertThat(message).startsWith("API 'unsupported' (openapi classpath:unsupported-oas30.json): 13 parts of the"
				+ " OpenAPI document were ignored:\n  ");
		assertThat(message.lines()).hasSize(14);
		assertThat(message).contains("\n  /x-amazon-apigateway-endpoint-configuration: not supported");
	}

	@Test
	void hasNothingToDescribeWithoutWarnings() {
		ImportResult clean = new OpenApiImporter().importWithWarnings("petstore", "petstore",
				Resources.read("petstore-oas30.yaml"));
		assertThat(clean.describeWarnings()).isEmpty();
	}

	@Test
	void warnsAboutAttributesOutsideTheSpecificationButNotAboutSchemaKeywords() {
		String document = """
				openapi: 3.0.1
				info: {title: extra, version: "1", colour: blue}
				paths:
				  /x:
				    get:
				      responses: {"200": {description: ok}}
				components:
				  schemas:
				    Thing: {$schema: "http://json-schema.org/draft-04/schema#", type: object, id: "thing"}
				""";
		ImportResult extra = new OpenApiImporter().importWithWarnings("extra", "inline", document);
		assertThat(extra.warnings()).containsExactly("/info/colour: not part of the OpenAPI specification; ignored");
		assertThat(extra.api().models().get("Thing"))
			.isEqualTo("{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\",\"id\":\"thing\"}");
	}

}
