package dev.apigw.auth.tls;

import java.net.URI;
import java.util.List;

import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.model.Api;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;
import dev.apigw.routing.DeployedStage;
import dev.apigw.test.PhaseHarness;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client certificate phase compiled for a stage: a bundle that does not exist refuses
 * the deployment, stages without a client certificate skip the phase, and only HTTPS
 * integration requests not yet routed are routed with the certificate.
 */
class ClientCertificateRoutingFilterTests {

	private final DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry();

	private final ClientCertificateRoutingFilter phase = new ClientCertificateRoutingFilter(HttpClient.create(),
			new ObjectProvider<List<HttpHeadersFilter>>() {
			}, new HttpClientProperties(), this.bundles);

	@Test
	void aStageWithoutAClientCertificateDoesNotPassThroughThePhase() {
		assertThat(PhaseHarness.compile(this.phase, PhaseHarness.deploy(api(null), "dev"))).isNull();
	}

	@Test
	void aBundleThatDoesNotExistIsAProblemOfTheDeployment() {
		this.bundles.registerBundle("backend", SslBundle.systemDefault());
		assertThatExceptionOfType(InvalidApiDefinitionException.class)
			.isThrownBy(() -> PhaseHarness.deploy(api("missing"), "dev", this.phase))
			.withMessage("API 'shop', field 'stages.dev.client-certificate' (test): stage dev: No SSL bundle "
					+ "'missing' (known: [backend]); define it under spring.ssl.bundle");
	}

	@Test
	void onlyHttpsIntegrationRequestsNotRoutedYetAreRoutedWithTheCertificate() {
		this.bundles.registerBundle("backend", SslBundle.systemDefault());
		DeployedStage stage = PhaseHarness.deploy(api("backend"), "dev");
		GatewayFilter filter = PhaseHarness.compile(this.phase, stage);
		assertThat(filter).isNotNull();
		MockServerWebExchange plain = exchange(stage, "http://backend.example/items");
		assertThat(PhaseHarness.run(filter, plain).passed()).isSameAs(plain);
		MockServerWebExchange routed = exchange(stage, "https://backend.example/items");
		ServerWebExchangeUtils.setAlreadyRouted(routed);
		assertThat(PhaseHarness.run(filter, routed).passed()).isSameAs(routed);
	}

	private static MockServerWebExchange exchange(DeployedStage stage, String url) {
		MockServerWebExchange exchange = PhaseHarness.exchange(stage, MockServerHttpRequest.get("/items").build());
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, URI.create(url));
		return exchange;
	}

	private static Api api(String bundle) {
		return Api.builder("shop")
			.resource(Resource.of("/items",
					Method.builder("GET")
						.integration(Integration.builder(IntegrationType.HTTP).uri("https://backend.example/items").build())
						.build()))
			.stage(Stage.builder("dev").clientCertificate(bundle).build())
			.source("test")
			.build();
	}

}
