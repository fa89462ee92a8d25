package dev.apigw.definition.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.apigw.model.Api;

/**
 * What one export is of and how it is written.
 *
 * @param api the API
 * @param swagger2 {@code true} for Swagger 2.0, {@code false} for OpenAPI 3.0
 * @param extensions whether the {@code x-amazon-apigateway-*} extensions are written
 */
record ExportSettings(Api api, boolean swagger2, boolean extensions) {

	ObjectNode object() {
		return JsonNodeFactory.instance.objectNode();
	}

	ArrayNode array() {
		return JsonNodeFactory.instance.arrayNode();
	}

	/**
	 * A reference to a model, in this format's form.
	 * @param model the model name
	 * @return {@code {"$ref": "#/definitions/Model"}} or the OpenAPI 3 equivalent
	 */
	ObjectNode modelRef(String model) {
		return object().put("$ref", localPrefix() + model);
	}

	String localPrefix() {
		return this.swagger2 ? "#/definitions/" : "#/components/schemas/";
	}

	/**
	 * A schema of type string, as AWS writes every parameter and header.
	 * @param owner the parameter or header
	 */
	void stringType(ObjectNode owner) {
		if (this.swagger2) {
			owner.put("type", "string");
		}
		else {
			owner.set("schema", object().put("type", "string"));
		}
	}

}
