package dev.apigw.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.apigw.model.Api;
import dev.apigw.model.DefaultModels;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The models of one API compiled as JSON schemas (draft 4, as on AWS). A model refers to
 * another as AWS writes it, {@code https://apigateway.amazonaws.com/restapis/<api>/models/<Model>};
 * such references resolve to the model of this API with that name. Nothing is ever fetched
 * from the network: a reference to anything else is a problem.
 */
final class ModelSchemas {

	static final String MODEL_URL_PREFIX = "https://apigateway.amazonaws.com/restapis/";

	private static final String MODELS = "/models/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Api api;

	private final SchemaRegistry registry;

	private final Map<String, Schema> schemas = new LinkedHashMap<>();

	private final Map<String, String> problems = new LinkedHashMap<>();

	private ModelSchemas(Api api) {
		this.api = api;
		this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
				(builder) -> builder.schemaLoader((loader) -> loader.fetchRemoteResources(false)
					.resourceLoaders((loaders) -> loaders.resources(this::text))));
	}

	/**
	 * Compiles every model of an API (and the default models it does not define).
	 * @param api the API
	 * @return the compiled models, with a problem for each model that does not compile
	 */
	static ModelSchemas compile(Api api) {
		ModelSchemas schemas = new ModelSchemas(api);
		List<String> names = new ArrayList<>(api.models().keySet());
		for (String name : List.of(DefaultModels.EMPTY, DefaultModels.ERROR)) {
			if (!names.contains(name)) {
				names.add(name);
			}
		}
		names.forEach(schemas::compile);
		return schemas;
	}

	/**
	 * The compiled model.
	 * @param name the model name
	 * @return the schema, or {@code null} when the API has no such model or it did not
	 * compile
	 */
	@Nullable Schema schema(String name) {
		return this.schemas.get(name);
	}

	/**
	 * Why models did not compile.
	 * @return model name to message
	 */
	Map<String, String> problems() {
		return this.problems;
	}

	boolean exists(String name) {
		return this.api.models().containsKey(name) || DefaultModels.schema(name) != null;
	}

	private void compile(String name) {
		String text = modelText(name);
		if (text == null) {
			return;
		}
		try {
			JSON.readTree(text);
		}
		catch (JacksonException ex) {
			this.problems.put(name, "The model is not valid JSON: " + ex.getOriginalMessage());
			return;
		}
		try {
			Schema schema = this.registry.getSchema(SchemaLocation.of(url(name)));
			// resolves every reference now, so that a broken one fails the deployment, not a request
			schema.initializeValidators();
			this.schemas.put(name, schema);
		}
		catch (SchemaException | JacksonException | IllegalArgumentException | IllegalStateException ex) {
			this.problems.put(name, "The model is not a valid JSON schema: " + ex.getMessage());
		}
	}

	private String url(String name) {
		return MODEL_URL_PREFIX + this.api.id() + MODELS + name;
	}

	private @Nullable String modelText(String name) {
		String text = this.api.models().get(name);
		return (text != null) ? text : DefaultModels.schema(name);
	}

	/**
	 * The text of the model a reference names: any API id in the URL resolves to this API's
	 * model of the same name, as an imported API's references are rewritten to.
	 */
	private @Nullable String text(String iri) {
		if (!iri.startsWith(MODEL_URL_PREFIX)) {
			return null;
		}
		int models = iri.indexOf(MODELS, MODEL_URL_PREFIX.length());
		if (models < 0) {
			return null;
		}
		String name = iri.substring(models + MODELS.length());
		int fragment = name.indexOf('#');
		return modelText((fragment >= 0) ? name.substring(0, fragment) : name);
	}

}
