package dev.apigw.deploy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.integration.CompiledIntegration;
import dev.apigw.integration.IntegrationCompiler;
import dev.apigw.integration.MappingTemplates;
import dev.apigw.model.Api;
import dev.apigw.model.Integration;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.pipeline.PipelineFilter;
import dev.apigw.routing.GatewayEnvironment;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.ResourceRuntime;
import dev.apigw.routing.ResourceTree;
import dev.apigw.routing.StageRuntime;
import dev.apigw.template.TemplateException;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.Route;

/**
 * Compiles a deployment for one stage: builds the resource tree, compiles every
 * integration with the stage's variables, and creates the gateway route the stage's
 * requests run through. All per-deployment work happens here, never per request.
 */
public final class StageCompiler {

	private static final URI ROUTE_URI = URI.create("http://apigw.invalid");

	private final List<PipelineFilter> filters;

	private final GatewayEnvironment environment;

	private final @Nullable MappingTemplates templates;

	/**
	 * Creates a compiler.
	 * @param filters the pipeline phases every stage route runs
	 * @param environment region and account
	 * @param templates compiles mapping templates, {@code null} to leave them to first use
	 */
	public StageCompiler(List<PipelineFilter> filters, GatewayEnvironment environment,
			@Nullable MappingTemplates templates) {
		this.filters = List.copyOf(filters);
		this.environment = environment;
		this.templates = templates;
	}

	/**
	 * Compiles a deployment for a stage.
	 * @param deployment the deployment
	 * @param stage the stage (its variables are the deployment's view of them)
	 * @return the stage runtime
	 */
	public StageRuntime compile(Deployment deployment, Stage stage) {
		Api api = deployment.api();
		compileTemplates(api);
		ResourceTree.Builder<ResourceRuntime> tree = ResourceTree.builder();
		List<ResourceRuntime> resources = new ArrayList<>();
		for (Resource resource : api.resources()) {
			if (resource.methods().isEmpty()) {
				continue;
			}
			ResourceRuntime runtime = new ResourceRuntime(resource, Ids.stable(api.id() + " " + resource.path(), 6));
			for (Method method : resource.methods().values()) {
				String routeId = "apigw/" + api.id() + "/" + stage.name() + resource.path() + "/" + method.httpMethod();
				CompiledIntegration integration = IntegrationCompiler.compile(routeId, resource.path(),
						method.integration(), stage);
				runtime.add(new MethodRuntime(method, runtime, integration));
			}
			tree.add(resource.path(), runtime);
			resources.add(runtime);
		}
		Route route = Route.async()
			.id("apigw/" + api.id() + "/" + stage.name())
			.uri(ROUTE_URI)
			.predicate((exchange) -> true)
			.filters(this.filters.stream()
				.filter((filter) -> filter.appliesTo(api, stage))
				.map(GatewayFilter.class::cast)
				.toList())
			.build();
		return new StageRuntime(api, stage, deployment.id(), deployment.createdDate(), tree.build(),
				List.copyOf(resources), route, this.environment);
	}

	/**
	 * Parses every mapping template of the API once, reporting every template that does not
	 * parse with the API, resource, method and content type it belongs to.
	 */
	private void compileTemplates(Api api) {
		if (this.templates == null) {
			return;
		}
		List<Problem> problems = new ArrayList<>();
		for (Resource resource : api.resources()) {
			for (Method method : resource.methods().values()) {
				Integration integration = method.integration();
				if (integration == null) {
					continue;
				}
				integration.requestTemplates()
					.forEach((type, text) -> compile(api, resource, method, "integration.request-templates[" + type + "]",
							text, problems));
				for (int i = 0; i < integration.responses().size(); i++) {
					String field = "integration.responses[" + i + "].response-templates";
					integration.responses()
						.get(i)
						.responseTemplates()
						.forEach((type, text) -> compile(api, resource, method, field + "[" + type + "]", text, problems));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidApiDefinitionException(problems);
		}
	}

	private void compile(Api api, Resource resource, Method method, String field, String text, List<Problem> problems) {
		String name = api.id() + " " + method.httpMethod() + " " + resource.path() + " " + field;
		try {
			this.templates.compile(name, text);
		}
		catch (TemplateException ex) {
			problems.add(new Problem(api.source(), api.id(), resource.path(), method.httpMethod(), field, ex.getMessage()));
		}
	}

}
