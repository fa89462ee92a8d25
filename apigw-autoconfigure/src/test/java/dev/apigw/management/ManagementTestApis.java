package dev.apigw.management;

/**
 * OpenAPI definitions the management API tests import, with AWS's
 * {@code x-amazon-apigateway-*} extensions.
 */
final class ManagementTestApis {

	private static final String GREETING = """
			{
			  "openapi": "3.0.1",
			  "info": {"title": "Greetings", "version": "1.0"},
			  "paths": {
			    "/greeting": {
			      "get": {
			        "responses": {"200": {"description": "a greeting"}},
			        "x-amazon-apigateway-integration": {
			          "type": "mock",
			          "requestTemplates": {"application/json": "{\\"statusCode\\": 200}"},
			          "responses": {
			            "default": {
			              "statusCode": "200",
			              "responseTemplates": {"application/json": "%s"}
			            }
			          }
			        }
			      }
			    }
			  }
			}
			""";

	/** An API whose one method requires an API key (a MOCK answering {"hello":1}). */
	static final String KEYED = """
			{
			  "openapi": "3.0.1",
			  "info": {"title": "Keyed", "version": "1.0"},
			  "x-amazon-apigateway-api-key-source": "HEADER",
			  "components": {"securitySchemes": {"api_key": {"type": "apiKey", "name": "x-api-key", "in": "header"}}},
			  "paths": {
			    "/greeting": {
			      "get": {
			        "security": [{"api_key": []}],
			        "responses": {"200": {"description": "a greeting"}},
			        "x-amazon-apigateway-integration": {
			          "type": "mock",
			          "requestTemplates": {"application/json": "{\\"statusCode\\": 200}"},
			          "responses": {
			            "default": {"statusCode": "200", "responseTemplates": {"application/json": "{\\"hello\\":1}"}}
			          }
			        }
			      }
			    }
			  }
			}
			""";

	private ManagementTestApis() {
	}

	/**
	 * An API with one MOCK method, {@code GET /greeting}, answering a response template.
	 * @param responseTemplate the response template (escaped for a JSON string)
	 * @return the OpenAPI definition
	 */
	static String greeting(String responseTemplate) {
		return GREETING.formatted(responseTemplate);
	}

}
