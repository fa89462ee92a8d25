package dev.apigw.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.apigw.definition.ApiDefinitionSource;
import dev.apigw.definition.ApiDefinitionValidator;
import dev.apigw.definition.ApiDefinitions;
import dev.apigw.definition.ApigwProperties;
import dev.apigw.definition.OpenApiLoader;
import dev.apigw.definition.PropertiesApiSource;
import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.deploy.StageCompiler;
import dev.apigw.integration.ApiIdHeaderFilter;
import dev.apigw.integration.HttpIntegrationResponseFilter;
import dev.apigw.integration.IntegrationRequestFilter;
import dev.apigw.integration.IntegrationResponder;
import dev.apigw.integration.MappingTemplates;
import dev.apigw.integration.MockIntegrationFilter;
import dev.apigw.model.BasePathMapping;
import dev.apigw.model.DeployableApi;
import dev.apigw.observe.AuditLog;
import dev.apigw.pipeline.ApiMountWebFilter;
import dev.apigw.pipeline.InvocationFilter;
import dev.apigw.pipeline.InvocationListener;
import dev.apigw.pipeline.PipelinePhase;
import dev.apigw.pipeline.StageFilteringWebHandler;
import dev.apigw.response.GatewayResponseWriter;
import dev.apigw.routing.GatewayEnvironment;
import dev.apigw.store.DeploymentStore;
import dev.apigw.store.MemoryDeploymentStore;
import dev.apigw.template.RenderOffload;
import dev.apigw.template.TemplateEngine;
import dev.apigw.template.TemplateLimits;
import dev.apigw.template.TemplateRenderer;
import dev.apigw.websocket.WebSocketApiDefinitions;
import dev.apigw.websocket.WebSocketStageCompiler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.GatewayAutoConfiguration;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the apigw core: API definitions from properties (and any other
 * {@link ApiDefinitionSource} bean), their deployment to stages, the request pipeline and
 * the web filter that hands API requests to Spring Cloud Gateway.
 */
@AutoConfiguration(after = GatewayAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBooleanProperty(name = "apigw.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ApigwProperties.class)
public final class ApigwAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "apigwClock")
	Clock apigwClock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnMissingBean
	PropertiesApiSource propertiesApiSource(ApigwProperties properties, ObjectProvider<OpenApiLoader> openApi) {
		return new PropertiesApiSource(properties, openApi.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	ApiDefinitions apiDefinitions(ObjectProvider<ApiDefinitionSource> sources,
			ObjectProvider<ApiDefinitionValidator> validators) {
		return new ApiDefinitions(sources.orderedStream().toList(), validators.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	GatewayEnvironment apigwEnvironment(ApigwProperties properties) {
		return new GatewayEnvironment(properties.getRegion(), properties.getAccountId());
	}

	@Bean
	@ConditionalOnMissingBean
	TemplateEngine apigwTemplateEngine(ApigwProperties properties) {
		ApigwProperties.Templates templates = properties.getTemplates();
		return new TemplateEngine(new TemplateLimits(templates.getMaxRenderTime(),
				(int) Math.min(Integer.MAX_VALUE, templates.getMaxOutputSize().toBytes()),
				templates.getMaxForeachIterations(), templates.getMaxMacroDepth()));
	}

	@Bean
	@ConditionalOnMissingBean
	TemplateRenderer apigwTemplateRenderer(ApigwProperties properties) {
		ApigwProperties.Templates templates = properties.getTemplates();
		return new TemplateRenderer(new RenderOffload(templates.getEventLoopRenderTime(),
				(int) Math.min(Integer.MAX_VALUE, templates.getEventLoopMaxBodySize().toBytes()),
				templates.getRenderThreads(), templates.getRenderQueueCapacity()));
	}

	@Bean
	@ConditionalOnMissingBean
	MappingTemplates apigwMappingTemplates(TemplateRenderer renderer) {
		return new MappingTemplates(renderer);
	}

	@Bean
	@ConditionalOnMissingBean
	GatewayResponseWriter apigwGatewayResponseWriter() {
		return new GatewayResponseWriter();
	}

	@Bean
	@ConditionalOnMissingBean
	IntegrationResponder apigwIntegrationResponder(MappingTemplates templates) {
		return new IntegrationResponder(templates);
	}

	@Bean
	InvocationFilter apigwInvocationFilter(GatewayResponseWriter responses, ApigwProperties properties,
			ObjectProvider<InvocationListener> listeners) {
		return new InvocationFilter(responses, properties.getMaxBodySize().toBytes(),
				listeners.orderedStream().toList());
	}

	@Bean
	ApiIdHeaderFilter apigwApiIdHeaderFilter() {
		return new ApiIdHeaderFilter();
	}

	@Bean
	IntegrationRequestFilter apigwIntegrationRequestFilter(MappingTemplates templates) {
		return new IntegrationRequestFilter(templates);
	}

	@Bean
	MockIntegrationFilter apigwMockIntegrationFilter(IntegrationResponder responder) {
		return new MockIntegrationFilter(responder);
	}

	@Bean
	HttpIntegrationResponseFilter apigwHttpIntegrationResponseFilter(IntegrationResponder responder) {
		return new HttpIntegrationResponseFilter(responder);
	}

	@Bean
	@ConditionalOnMissingBean
	StageCompiler apigwStageCompiler(ObjectProvider<PipelinePhase> phases, ObjectProvider<ApiDefinitionValidator> checks,
			GatewayEnvironment environment, TemplateEngine templates) {
		return new StageCompiler(phases.orderedStream().toList(), checks.orderedStream().toList(), environment,
				templates);
	}

	@Bean
	@ConditionalOnMissingBean
	DeploymentRegistry apigwDeploymentRegistry(StageCompiler compiler, ApiDefinitions definitions,
			ObjectProvider<WebSocketApiDefinitions> webSocketDefinitions,
			ObjectProvider<WebSocketStageCompiler> webSocketCompiler, ApigwProperties properties,
			@Qualifier("apigwClock") Clock clock, ObjectProvider<DeploymentStore> store, ObjectProvider<AuditLog> audit) {
		List<BasePathMapping> mappings = properties.getBasePathMappings()
			.stream()
			.map((mapping) -> new BasePathMapping(mapping.getHost(), mapping.getBasePath(),
					String.valueOf(mapping.getApi()), String.valueOf(mapping.getStage())))
			.toList();
		DeploymentRegistry registry = new DeploymentRegistry(compiler, webSocketCompiler.getIfAvailable(), mappings,
				clock, store.getIfAvailable(MemoryDeploymentStore::new), audit.getIfAvailable());
		List<DeployableApi> apis = new ArrayList<>(definitions.load());
		webSocketDefinitions.ifAvailable((webSockets) -> apis.addAll(webSockets.apis()));
		registry.deployAll(apis);
		return registry;
	}

	@Bean
	@ConditionalOnMissingBean
	ApiMountWebFilter apigwMountWebFilter(DeploymentRegistry registry, ObjectProvider<GlobalFilter> globalFilters,
			@Qualifier("apigwClock") Clock clock, ApigwProperties properties, Environment environment) {
		Integer serverPort = environment.getProperty("server.port", Integer.class);
		Integer managementPort = environment.getProperty("management.server.port", Integer.class);
		boolean separate = managementPort != null && managementPort > 0 && !managementPort.equals(serverPort);
		FilteringWebHandler gateway = new StageFilteringWebHandler(globalFilters.orderedStream().toList());
		return new ApiMountWebFilter(() -> registry.snapshot().mounts(), gateway, clock, properties.getWebFilterOrder(),
				separate ? managementPort : null);
	}

}
