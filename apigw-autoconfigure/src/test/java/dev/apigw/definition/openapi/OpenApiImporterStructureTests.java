package dev.apigw.definition.openapi;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.apigw.model.Api;
import dev.apigw.model.Method;
import dev.apigw.model.MethodResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * OpenAPI structure the mapping follows: versions, path-level parameters, local references
 * and Swagger 2's media types.
 */
class OpenApiImporterStructureTests {

	private final OpenApiImporter importer = new OpenApiImporter();

	@Test
	void readsOpenApi31() {
		String document = """
				openapi: 3.1.0
				info: {title: three-one, version: "1"}
				paths:
				  /items:
				    get:
				      responses:
				        "200":
				          description: ok
				          content:
				            application/json:
				              schema: {$ref: "#/components/schemas/Item"}
				      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: "http://items"}
				components:
				  schemas:
				    Item: {type: object, properties: {name: {type: [string, "null"]}}}
				""";
		ImportResult result = this.importer.importWithWarnings("items", "inline", document);
		assertThat(result.warnings()).isEmpty();
		assertThat(result.api().models().get("Item"))
			.isEqualTo("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":[\"string\",\"null\"]}}}");
		assertThat(result.api().resource("/items").methods().get("GET").methodResponses().get("200").responseModels())
			.containsExactly(entry("application/json", "Item"));
	}

	@Test
	void readsSwagger2AnyMethodAndMediaTypesFromTheDocument() {
		String document = """
				swagger: "2.0"
				info: {title: proxy, version: "1"}
				basePath: /test
				consumes: [application/json, application/xml]
				produces: [application/json]
				paths:
				  /{proxy+}:
				    x-amazon-apigateway-any-method:
				      parameters:
				      - {name: proxy, in: path, required: true, type: string}
				      - {in: body, name: body, schema: {$ref: "#/definitions/Thing"}}
				      responses:
				        "200": {description: ok, schema: {$ref: "#/definitions/Thing"}}
				      x-amazon-apigateway-integration:
				        type: http_proxy
				        httpMethod: ANY
				        uri: http://backend/{proxy}
				        requestParameters: {integration.request.path.proxy: method.request.path.proxy}
				definitions:
				  Thing: {type: object}
				""";
		Api api = this.importer.importApi("proxy", "inline", document);
		Method any = api.resource("/{proxy+}").methods().get("ANY");
		assertThat(any.requestModels()).containsExactly(entry("application/json", "Thing"),
				entry("application/xml", "Thing"));
		assertThat(any.methodResponses().get("200").responseModels()).containsExactly(entry("application/json", "Thing"));
		assertThat(api.stages()).containsOnlyKeys("test");
	}

	@Test
	void mergesPathLevelParametersAndFollowsLocalReferences() {
		String document = """
				openapi: 3.0.1
				info: {title: refs, version: "1"}
				paths:
				  /shops/{shopId}/orders:
				    parameters:
				    - $ref: "#/components/parameters/ShopId"
				    - {name: X-Tenant, in: header, required: true, schema: {type: string}}
				    get:
				      parameters:
				      - {name: X-Tenant, in: header, required: false, schema: {type: string}}
				      - $ref: "#/components/parameters/Page"
				      responses:
				        "200": {$ref: "#/components/responses/Orders"}
				    post:
				      requestBody: {$ref: "#/components/requestBodies/NewOrder"}
				      responses:
				        "201":
				          description: created
				          headers:
				            Location: {$ref: "#/components/headers/Location"}
				components:
				  parameters:
				    ShopId: {name: shopId, in: path, required: true, schema: {type: string}}
				    Page: {name: page, in: query, schema: {type: integer}}
				  headers:
				    Location: {required: true, schema: {type: string}}
				  responses:
				    Orders:
				      description: orders
				      headers: {X-Total: {schema: {type: integer}}}
				      content: {application/json: {schema: {$ref: "#/components/schemas/Order"}}}
				  requestBodies:
				    NewOrder:
				      content: {application/json: {schema: {$ref: "#/components/schemas/Order"}}}
				  schemas:
				    Order: {type: object}
				""";
		Api api = this.importer.importApi("refs", "inline", document);
		Method get = api.resource("/shops/{shopId}/orders").methods().get("GET");
		assertThat(get.requestParameters()).containsExactly(entry("method.request.path.shopId", true),
				entry("method.request.header.X-Tenant", false), entry("method.request.querystring.page", false));
		assertThat(get.methodResponses().get("200")).isEqualTo(new MethodResponse("200",
				Map.of("method.response.header.X-Total", false), Map.of("application/json", "Order")));
		Method post = api.resource("/shops/{shopId}/orders").methods().get("POST");
		assertThat(post.requestParameters()).containsExactly(entry("method.request.path.shopId", true),
				entry("method.request.header.X-Tenant", true));
		assertThat(post.requestModels()).containsExactly(entry("application/json", "Order"));
		assertThat(post.methodResponses().get("201").responseParameters())
			.containsExactly(entry("method.response.header.Location", true));
	}

	@Test
	void keepsOperationDocumentationAndPathDescriptions() {
		String document = """
				openapi: 3.0.1
				info: {title: docs, description: The docs API, version: "7"}
				paths:
				  /things:
				    description: All the things
				    get:
				      operationId: listThings
				      summary: List things
				      description: Lists every thing.
				""";
		Api api = this.importer.importApi("docs", "inline", document);
		assertThat(api.description()).isEqualTo("The docs API");
		assertThat(api.resource("/things").description()).isEqualTo("All the things");
		Method get = api.resource("/things").methods().get("GET");
		assertThat(get.operationName()).isEqualTo("listThings");
		assertThat(get.summary()).isEqualTo("List things");
		assertThat(get.description()).isEqualTo("Lists every thing.");
		assertThat(get.integration()).isNull();
	}

	@Test
	void aBasePathThatIsNotAStageNameIsIgnoredWithAWarning() {
		String document = """
				openapi: 3.0.1
				info: {title: base, version: "1"}
				servers: [{url: "https://testdomain.com/base-url/part/"}]
				""";
		ImportResult result = this.importer.importWithWarnings("base", "inline", document);
		assertThat(result.api().stages()).isEmpty();
		assertThat(result.warnings())
			.containsExactly("/servers: base path '/base-url/part/' is not a stage name; ignored");
	}

}
