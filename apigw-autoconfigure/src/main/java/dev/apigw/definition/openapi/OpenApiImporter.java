package dev.apigw.definition.openapi;

import java.util.Set;

import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.model.Api;

/**
 * Imports an OpenAPI 3.0/3.1 or Swagger 2.0 document carrying AWS's
 * {@code x-amazon-apigateway-*} extensions (as AWS API Gateway exports them) into an
 * {@link Api}.
 * <p>
 * Meant for start-up: the whole document is read and checked, and every problem found is
 * reported in one {@link InvalidApiDefinitionException} whose problems name the resource,
 * the method and the JSON pointer of the offending field. Features that are read but not
 * supported (resource policies, VPC links, documentation parts and the like) are not errors:
 * {@link #importWithWarnings} lists them.
 * <p>
 * Instances are stateless and thread-safe.
 */
public final class OpenApiImporter {

	/**
	 * Imports a document.
	 * @param apiId the id of the API to create
	 * @param source where the document comes from, for messages (e.g.
	 * {@code "openapi classpath:petstore.yaml"})
	 * @param content the document, JSON or YAML
	 * @return the API
	 * @throws InvalidApiDefinitionException with every problem found
	 */
	public Api importApi(String apiId, String source, String content) {
		return importWithWarnings(apiId, source, content).api();
	}

	/**
	 * Imports a document and tells what in it was ignored.
	 * @param apiId the id of the API to create
	 * @param source where the document comes from, for messages
	 * @param content the document, JSON or YAML
	 * @return the API and the warnings
	 * @throws InvalidApiDefinitionException with every problem found
	 */
	public ImportResult importWithWarnings(String apiId, String source, String content) {
		ImportContext context = new ImportContext(apiId, source);
		OpenApiDocument document = OpenApiDocument.parse(content, context);
		if (document == null) {
			throw context.failure();
		}
		Api.Builder api = Api.builder(apiId).source(source);
		ApiLevelImporter apiLevel = new ApiLevelImporter(context, document);
		apiLevel.read(api);
		Set<String> validators = apiLevel.validators(api);
		ModelImporter models = new ModelImporter(context, document);
		models.importNamedModels();
		SecurityImporter security = new SecurityImporter(context, document);
		security.readSchemes();
		security.authorizers().values().forEach(api::authorizer);
		MethodImporter methods = new MethodImporter(context, document, models, security, validators);
		api.resources(new PathImporter(context, document, methods).read());
		models.models().forEach(api::model);
		new SwaggerParserCheck(context, document).check();
		if (context.hasProblems()) {
			throw context.failure();
		}
		return new ImportResult(api.build(), context.warnings());
	}

}
