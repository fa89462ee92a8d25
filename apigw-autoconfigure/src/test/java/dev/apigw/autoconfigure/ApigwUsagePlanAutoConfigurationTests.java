package dev.apigw.autoconfigure;

import java.util.List;

import dev.apigw.auth.ApiKeyFilter;
import dev.apigw.auth.ApiKeyRepository;
import dev.apigw.auth.PropertiesApiKeyRepository;
import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.store.FailoverRateLimitStore;
import dev.apigw.store.MemoryRateLimitStore;
import dev.apigw.store.RateLimitStore;
import dev.apigw.throttle.ThrottleFilter;
import dev.apigw.throttle.UsagePlans;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.cloud.gateway.config.GatewayAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto-configuration of API keys, usage plans and stores, and the start-up checks of their
 * configuration.
 */
class ApigwUsagePlanAutoConfigurationTests {

	private static final String KEY = "0123456789abcdefghijklmnop";

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, WebFluxAutoConfiguration.class,
				GatewayAutoConfiguration.class, ApigwAutoConfiguration.class, ApigwStoreAutoConfiguration.class,
				ApigwUsagePlanAutoConfiguration.class, DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class))
		.withUserConfiguration(ServerPropertiesConfiguration.class)
		.withPropertyValues("apigw.apis.shop.resources[0].path=/items",
				"apigw.apis.shop.resources[0].methods.GET.integration.type=MOCK",
				"apigw.apis.shop.resources[0].methods.GET.api-key-required=true",
				"apigw.apis.shop.resources[1].path=/any",
				"apigw.apis.shop.resources[1].methods.ANY.integration.type=MOCK",
				"apigw.apis.shop.stages.dev.description=development", "apigw.api-keys.partner.value=" + KEY,
				"apigw.usage-plans.gold.api-stages[0].api=shop", "apigw.usage-plans.gold.api-stages[0].stage=dev",
				"apigw.usage-plans.gold.keys=partner");

	@Test
	void configuresKeysPlansPhasesAndTheMemoryStoreByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(ApiKeyFilter.class)
				.hasSingleBean(ThrottleFilter.class)
				.hasSingleBean(PropertiesApiKeyRepository.class)
				.doesNotHaveBean(FailoverRateLimitStore.class);
			assertThat(context.getBean(RateLimitStore.class)).isInstanceOf(MemoryRateLimitStore.class);
			assertThat(context.getBean(UsagePlans.class).plan("gold")).isNotNull();
		});
	}

	@Test
	void redisStoreWhenConfigured() {
		this.runner.withPropertyValues("apigw.store.type=redis")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(FailoverRateLimitStore.class));
	}

	@Test
	void redisStoreNeedsSpringDataRedis() {
		this.runner.withPropertyValues("apigw.store.type=redis")
			.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.run((context) -> assertThat(problems(context)).singleElement()
				.asString()
				.contains("field 'apigw.store.type'")
				.contains("spring-boot-starter-data-redis-reactive"));
	}

	@Test
	void userRepositoryReplacesTheConfiguredKeys() {
		ApiKeyRepository repository = (hash) -> Mono.empty();
		this.runner.withBean(ApiKeyRepository.class, () -> repository)
			.withPropertyValues("apigw.usage-plans.gold.keys=from-the-database")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(PropertiesApiKeyRepository.class)
				.getBean(ApiKeyRepository.class)
				.isSameAs(repository));
	}

	@Test
	void invalidThrottlesAndQuotasFailStartUpWithEveryProblem() {
		this.runner
			.withPropertyValues("apigw.usage-plans.gold.throttle.rate-limit=0",
					"apigw.usage-plans.gold.throttle.burst-limit=0", "apigw.usage-plans.gold.quota.limit=-1",
					"apigw.throttling.burst-limit=0",
					"apigw.apis.shop.stages.dev.method-settings[0].throttling-rate-limit=-5")
			.run((context) -> assertThat(problems(context)).containsExactlyInAnyOrder(
					"API '*', field 'apigw.throttling.burst-limit' (application properties): A burst limit must be set and at least 1",
					"API '*', field 'apigw.usage-plans.gold.throttle.rate-limit' (application properties): A rate limit must be set and greater than 0",
					"API '*', field 'apigw.usage-plans.gold.throttle.burst-limit' (application properties): A burst limit must be set and at least 1",
					"API '*', field 'apigw.usage-plans.gold.quota.limit' (application properties): A quota limit must be 0 or more",
					"API '*', field 'apigw.usage-plans.gold.quota.offset' (application properties): A quota offset must be between 0 and the limit (-1)",
					"API 'shop', field 'stages.dev.method-settings[*/*].throttling-rate-limit' (application properties): A rate limit must be greater than 0"));
	}

	@Test
	void plansNamingUnknownApisStagesMethodsOrKeysFailStartUp() {
		this.runner.withPropertyValues("apigw.usage-plans.gold.api-stages[0].stage=prod",
				"apigw.usage-plans.gold.api-stages[1].api=nope", "apigw.usage-plans.gold.api-stages[1].stage=dev",
				"apigw.usage-plans.silver.api-stages[0].api=shop", "apigw.usage-plans.silver.api-stages[0].stage=dev",
				"apigw.usage-plans.silver.api-stages[0].throttle.[/items/POST].rate-limit=1",
				"apigw.usage-plans.silver.api-stages[0].throttle.[/items/POST].burst-limit=1",
				"apigw.usage-plans.silver.api-stages[0].throttle.[/any/PATCH].rate-limit=1",
				"apigw.usage-plans.silver.api-stages[0].throttle.[/any/PATCH].burst-limit=1",
				"apigw.usage-plans.silver.api-stages[0].throttle.itemsGET.rate-limit=1",
				"apigw.usage-plans.silver.keys=partner,stranger")
			.run((context) -> assertThat(problems(context)).containsExactlyInAnyOrder(
					"API 'shop', field 'apigw.usage-plans.gold.api-stages[0].stage' (application properties): Unknown stage 'prod'; stages of shop: [dev]",
					"API 'nope', field 'apigw.usage-plans.gold.api-stages[1].api' (application properties): Unknown API 'nope'; known APIs: [shop]",
					"API 'shop', resource '/items', method POST, field 'apigw.usage-plans.silver.api-stages[0].throttle[/items/POST]' (application properties): The resource has no method POST",
					"API 'shop', field 'apigw.usage-plans.silver.api-stages[0].throttle[itemsGET]' (application properties): 'itemsGET' is not /resource/path/VERB; Spring Boot drops '/' from map keys unless they are bracketed: write \"[/pets/GET]\"",
					"API '*', field 'apigw.usage-plans.silver.keys[1]' (application properties): Unknown API key 'stranger'; define it under apigw.api-keys"));
	}

	@Test
	void aKeyCanBeInOnePlanPerStage() {
		this.runner
			.withPropertyValues("apigw.usage-plans.silver.api-stages[0].api=shop",
					"apigw.usage-plans.silver.api-stages[0].stage=dev", "apigw.usage-plans.silver.keys=partner")
			.run((context) -> assertThat(problems(context)).singleElement()
				.asString()
				.contains("API key 'partner' is also in usage plan 'gold' for stage dev"));
	}

	@Test
	void keysNeedAValueOfAtLeastTwentyCharactersNeverShownInMessages() {
		this.runner
			.withPropertyValues("apigw.api-keys.partner.value=short-secret", "apigw.api-keys.other.value-sha256=xyz",
					"apigw.api-keys.empty.enabled=false")
			.run((context) -> {
				List<String> problems = problems(context);
				assertThat(problems).containsExactlyInAnyOrder(
						"API '*', field 'apigw.api-keys.partner.value' (application properties): A key value must be at least 20 characters, as on AWS",
						"API '*', field 'apigw.api-keys.other.value-sha256' (application properties): A SHA-256 is 64 hex digits",
						"API '*', field 'apigw.api-keys.empty.value' (application properties): The key has no value; set value (e.g. \"${PARTNER_API_KEY}\") or value-sha256");
				assertThat(String.join("\n", problems)).doesNotContain("short-secret");
			});
	}

	@Test
	void staysOffWhenApigwIsDisabled() {
		this.runner.withPropertyValues("apigw.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ApiKeyFilter.class)
				.doesNotHaveBean(RateLimitStore.class));
	}

	private static List<String> problems(AssertableReactiveWebApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		while (failure != null && !(failure instanceof InvalidApiDefinitionException)) {
			failure = failure.getCause();
		}
		assertThat(failure).as("an InvalidApiDefinitionException").isNotNull();
		return ((InvalidApiDefinitionException) failure).getProblems().stream().map(Object::toString).toList();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ServerProperties.class)
	static class ServerPropertiesConfiguration {

	}

}
