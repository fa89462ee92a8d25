package dev.apigw.deploy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

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

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.Route;

/**
 * Compiles a deployment for one stage: builds the resource tree, compiles every
 * integration with the stage's variables, and creates the gateway route the stage's
 * requests run through. All per-deployment work happens here, never per request.
 */
public final class StageCompiler {

	private static final URI ROUTE_URI = URI.create("http://apigw.invalid");

	private final List<GatewayFilter> filters;

	private final GatewayEnvironment environment;

	/**
	 * Creates a compiler.
	 * @param filters the pipeline phases every stage route runs
	 * @param environment region and account
	 */
	public StageCompiler(List<PipelineFilter> filters, GatewayEnvironment environment) {
		this.filters = List.copyOf(filters);
		this.environment = environment;
	}

	/**
	 * Compiles a deployment for a stage.
	 * @param deployment the deployment
	 * @param stage the stage (its variables are the deployment's view of them)
	 * @return the stage runtime
	 */
	public StageRuntime compile(Deployment deployment, Stage stage) {
		Api api = deployment.api();
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
			.filters(this.filters)
			.build();
		return new StageRuntime(api, stage, deployment.id(), deployment.createdDate(), tree.build(),
				List.copyOf(resources), route, this.environment);
	}

}
