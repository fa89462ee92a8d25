package dev.apigw.deploy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.apigw.definition.InvalidApiDefinitionException.Problem;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.integration.CompiledIntegration;
import dev.apigw.integration.IntegrationCompiler;
import dev.apigw.model.Api;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.pipeline.PipelineFilter;
import dev.apigw.routing.GatewayEnvironment;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.ResourceRuntime;
import dev.apigw.routing.ResourceTree;
import dev.apigw.routing.StageRuntime;
import dev.apigw.template.MappingTemplate;
import dev.apigw.template.TemplateEngine;
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

	private final TemplateEngine templates;

	/**
	 * Creates a compiler.
	 * @param filters the pipeline phases every stage route runs
	 * @param environment region and account
	 * @param templates compiles mapping templates, {@code null} for an engine with the default
	 * limits
	 */
	public StageCompiler(List<PipelineFilter> filters, GatewayEnvironment environment,
			@Nullable TemplateEngine templates) {
		this.filters = List.copyOf(filters);
		this.environment = environment;
		this.templates = (templates != null) ? templates : new TemplateEngine();
	}

	/**
	 * Compiles a deployment for a stage.
	 * @param deployment the deployment
	 * @param stage the stage (its variables are the deployment's view of them)
	 * @return the stage runtime
	 */
	public StageRuntime compile(Deployment deployment, Stage stage) {
		Api api = deployment.api();
		List<Problem> problems = new ArrayList<>();
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
						method.integration(), stage, (field, status, text) -> compile(api, resource, method, field,
								status, text, problems));
				runtime.add(new MethodRuntime(method, runtime, integration));
			}
			tree.add(resource.path(), runtime);
			resources.add(runtime);
		}
		if (!problems.isEmpty()) {
			throw new InvalidApiDefinitionException(problems);
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
	 * Compiles one mapping template of a method, named after the API, method, resource and
	 * field (and the integration response's status), so that a render failure names this
	 * method even when another one has the same text; a template that does not parse is a
	 * problem of the deployment.
	 */
	private @Nullable MappingTemplate compile(Api api, Resource resource, Method method, String field,
			@Nullable String status, String text, List<Problem> problems) {
		String name = api.id() + " " + method.httpMethod() + " " + resource.path() + " " + field
				+ ((status != null) ? " (status " + status + ")" : "");
		try {
			return this.templates.compile(name, text);
		}
		catch (TemplateException ex) {
			problems.add(new Problem(api.source(), api.id(), resource.path(), method.httpMethod(), field, ex.getMessage()));
			return null;
		}
	}

}
