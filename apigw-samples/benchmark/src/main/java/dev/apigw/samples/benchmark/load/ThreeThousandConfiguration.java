package dev.apigw.samples.benchmark.load;

import java.util.List;
import java.util.Map;

import dev.apigw.definition.ApiDefinitionSource;
import dev.apigw.model.Api;
import dev.apigw.model.Integration;
import dev.apigw.model.IntegrationType;
import dev.apigw.model.Method;
import dev.apigw.model.Resource;
import dev.apigw.model.Stage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The 3,000-route and 3,000-method variants, generated rather than written out: requests go
 * to the last of them ({@code /r2999/pets}).
 */
@Configuration(proxyBeanMethods = false)
class ThreeThousandConfiguration {

	static final int COUNT = 3000;

	@Bean
	@Profile("scg-3000")
	RouteLocator threeThousandRoutes(RouteLocatorBuilder builder, @Value("${bench.backend}") String backend) {
		RouteLocatorBuilder.Builder routes = builder.routes();
		for (int i = 0; i < COUNT; i++) {
			String prefix = "/r" + i;
			routes.route("r" + i, (route) -> route.path(prefix + "/**")
				.filters((filters) -> filters.stripPrefix(1))
				.uri("http://" + backend));
		}
		return routes.build();
	}

	@Bean
	@Profile("apigw-3000")
	ApiDefinitionSource threeThousandMethods(@Value("${bench.backend}") String backend) {
		return () -> {
			Api.Builder api = Api.builder("bench").basePath("/").stage(Stage.of("live", Map.of("backend", backend)));
			for (int i = 0; i < COUNT; i++) {
				api.resource(Resource.of("/r" + i + "/pets", Method.builder("GET")
					.integration(Integration.builder(IntegrationType.HTTP_PROXY)
						.uri("http://${stageVariables.backend}/pets")
						.build())
					.build()));
			}
			return List.of(api.source("benchmark").build());
		};
	}

}
