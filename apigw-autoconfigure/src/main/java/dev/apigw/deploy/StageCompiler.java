package dev.apigw.deploy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.apigw.definition.ApiDefinitionValidator;
import dev.apigw.definition.ApiDefinitions;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.definition.Problems;
import dev.apigw.integration.IntegrationCompiler;
import dev.apigw.model.Api;
import dev.apigw.model.Deployment;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.ResourceTree;
import dev.apigw.model.Stage;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.routing.CompiledIntegration;
import dev.apigw.routing.DeployedStage;
import dev.apigw.routing.GatewayEnvironment;
import dev.apigw.routing.MethodRuntime;
import dev.apigw.routing.ResourceRuntime;
import dev.apigw.routing.StageRuntime;
import dev.apigw.template.MappingTemplate;
import dev.apigw.template.TemplateEngine;
import dev.apigw.template.TemplateException;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.route.Route;

/**
 * The one compile step of a deployment, per stage: checks the deployment's definition,
 * builds the resource tree, compiles every integration (and its mapping templates) with the
 * stage's variables, asks every {@link PipelinePhase} for the stage's filter, and creates the
 * gateway route the stage's requests run through. It runs for every deployment alike, at
 * start-up, on refresh, rollback and canary changes and for deployments made at run time,
 * and reports every problem it finds in one {@link InvalidApiDefinitionException}. All
 * per-deployment work happens here, never per request.
 */
public final class StageCompiler {

	private static final URI ROUTE_URI = URI.create("http://apigw.invalid");

	private final List<PipelinePhase> phases;

	private final List<ApiDefinitionValidator> checks;

	private final GatewayEnvironment environment;

	private final TemplateEngine templates;

	/**
	 * Creates a compiler.
	 * @param phases the pipeline phases, compiled for every stage
	 * @param checks definition checks of the features, run on every deployment's API
	 * @param environment region and account
	 * @param templates compiles mapping templates, {@code null} for an engine with the default
	 * limits
	 */
	public StageCompiler(List<PipelinePhase> phases, List<ApiDefinitionValidator> checks,
			GatewayEnvironment environment, @Nullable TemplateEngine templates) {
		this.phases = List.copyOf(phases);
		this.checks = List.copyOf(checks);
		this.environment = environment;
		this.templates = (templates != null) ? templates : new TemplateEngine();
	}

	/**
	 * Compiles a deployment for a stage.
	 * @param deployment the deployment
	 * @param stage the stage (its variables are the deployment's view of them)
	 * @return the compiled stage
	 * @throws InvalidApiDefinitionException listing every problem found
	 */
	public DeployedStage compile(Deployment deployment, Stage stage) {
		Api api = deployment.api();
		Problems problems = new Problems(api);
		problems.addAll(ApiDefinitions.check(api, this.checks));
		problems.throwIfAny();
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
		problems.throwIfAny();
		StageRuntime runtime = new StageRuntime(api, stage, deployment.id(), deployment.createdDate(), tree.build(),
				List.copyOf(resources), this.environment);
		List<GatewayFilter> filters = new ArrayList<>();
		for (PipelinePhase phase : this.phases) {
			GatewayFilter filter = phase.compile(runtime, problems);
			if (filter != null) {
				filters.add(new OrderedGatewayFilter(filter, phase.getOrder()));
			}
		}
		problems.throwIfAny();
		Route route = Route.async()
			.id("apigw/" + api.id() + "/" + stage.name())
			.uri(ROUTE_URI)
			.predicate((exchange) -> true)
			.filters(filters)
			.build();
		return new DeployedStage(runtime, route);
	}

	/**
	 * Compiles one mapping template of a method, named after the API, method, resource and
	 * field (and the integration response's status), so that a render failure names this
	 * method even when another one has the same text; a template that does not parse is a
	 * problem of the deployment.
	 */
	private @Nullable MappingTemplate compile(Api api, Resource resource, Method method, String field,
			@Nullable String status, String text, Problems problems) {
		String name = api.id() + " " + method.httpMethod() + " " + resource.path() + " " + field
				+ ((status != null) ? " (status " + status + ")" : "");
		try {
			return this.templates.compile(name, text);
		}
		catch (TemplateException ex) {
			problems.add(resource.path(), method.httpMethod(), field, ex.getMessage());
			return null;
		}
	}

}
