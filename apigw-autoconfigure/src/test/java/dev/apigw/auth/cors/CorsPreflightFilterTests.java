package dev.apigw.auth.cors;

import java.util.Map;

import dev.apigw.definition.CorsSettings;
import dev.apigw.definition.EnableCors;
import dev.apigw.integration.IntegrationResponder;
import dev.apigw.integration.MappingTemplates;
import dev.apigw.model.Api;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.routing.DeployedStage;
import dev.apigw.template.RenderOffload;
import dev.apigw.template.TemplateRenderer;
import dev.apigw.test.PhaseHarness.Outcome;
import dev.apigw.test.PhaseHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CORS preflight phase compiled for a stage: preflights of an "Enable CORS" OPTIONS
 * MOCK answered right away, everything else passed on, stages without such a method
 * skipping the phase.
 */
class CorsPreflightFilterTests {

	private final TemplateRenderer renderer = new TemplateRenderer(RenderOffload.defaults());

	private final MappingTemplates templates = new MappingTemplates(this.renderer);

	private final CorsPreflightFilter phase = new CorsPreflightFilter(this.templates,
			new IntegrationResponder(this.templates));

	@AfterEach
	void close() {
		this.renderer.close();
	}

	@Test
	void aPreflightIsAnsweredByTheOptionsMockWithoutGoingOn() {
		DeployedStage stage = PhaseHarness.deploy(corsEnabled(), "dev");
		MockServerWebExchange exchange = PhaseHarness.exchange(stage, MockServerHttpRequest.options("/items")
			.header("Origin", "https://app.example")
			.header("Access-Control-Request-Method", "GET")
			.build());
		Outcome outcome = PhaseHarness.run(filter(stage), exchange);
		assertThat(outcome.error()).isNull();
		assertThat(outcome.wentOn()).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(exchange.getResponse().getHeaders().getFirst("Access-Control-Allow-Origin"))
			.isEqualTo("https://app.example");
		assertThat(exchange.getResponse().getHeaders().getFirst("Access-Control-Allow-Methods"))
			.isEqualTo("GET,OPTIONS");
	}

	@Test
	void anOptionsRequestThatIsNoPreflightGoesOn() {
		DeployedStage stage = PhaseHarness.deploy(corsEnabled(), "dev");
		MockServerWebExchange exchange = PhaseHarness.exchange(stage, MockServerHttpRequest.options("/items").build());
		Outcome outcome = PhaseHarness.run(filter(stage), exchange);
		assertThat(outcome.passed()).isSameAs(exchange);
		assertThat(exchange.getResponse().getStatusCode()).isNull();
	}

	@Test
	void aStageWithoutAnOptionsMockAnsweringPreflightsDoesNotPassThroughThePhase() {
		Integration mock = Integration.builder(IntegrationType.MOCK).build();
		Api keyed = Api.builder("shop")
			.resource(Resource.of("/items", Method.builder("GET").integration(mock).build(),
					Method.builder("OPTIONS").apiKeyRequired(true).integration(mock).build()))
			.stage(Stage.of("dev", Map.of()))
			.source("test")
			.build();
		assertThat(PhaseHarness.compile(this.phase, PhaseHarness.deploy(keyed, "dev"))).isNull();
	}

	private GatewayFilter filter(DeployedStage stage) {
		GatewayFilter filter = PhaseHarness.compile(this.phase, stage);
		assertThat(filter).isNotNull();
		return filter;
	}

	private static Api corsEnabled() {
		Api api = Api.builder("shop")
			.resource(Resource.of("/items",
					Method.builder("GET").integration(Integration.builder(IntegrationType.MOCK).build()).build()))
			.stage(Stage.of("dev", Map.of()))
			.source("test")
			.build();
		return EnableCors.apply(api, Map.of("/items", CorsSettings.DEFAULTS.with("https://app.example", null, null,
				null, null, null)), null);
	}

}
