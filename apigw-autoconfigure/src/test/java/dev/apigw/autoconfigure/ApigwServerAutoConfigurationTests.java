package dev.apigw.autoconfigure;

import java.time.Duration;

import dev.apigw.server.NettyServerLimits;
import org.junit.jupiter.api.Test;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server limits' auto-configuration: on with Reactor Netty, the starter's idle timeout
 * only where the application set none, off without Reactor Netty or for servlet applications.
 */
class ApigwServerAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ApigwServerAutoConfiguration.class));

	@Test
	void setsTheStartersIdleTimeoutByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(NettyServerLimits.class);
			HttpServer server = context.getBean(NettyServerLimits.class).apply(HttpServer.create());
			assertThat(server.configuration().idleTimeout()).isEqualTo(Duration.ofSeconds(75));
		});
	}

	@Test
	void applicationsOwnIdleTimeoutWins() {
		this.runner.withPropertyValues("server.netty.idle-timeout=5s", "apigw.server.idle-timeout=30s").run((context) -> {
			HttpServer server = context.getBean(NettyServerLimits.class).apply(HttpServer.create().idleTimeout(Duration.ofSeconds(5)));
			assertThat(server.configuration().idleTimeout()).isEqualTo(Duration.ofSeconds(5));
		});
	}

	@Test
	void idleTimeoutZeroLeavesReactorNettysAsItIs() {
		this.runner.withPropertyValues("apigw.server.idle-timeout=0").run((context) -> {
			HttpServer server = context.getBean(NettyServerLimits.class).apply(HttpServer.create());
			assertThat(server.configuration().idleTimeout()).isNull();
		});
	}

	@Test
	void negativeLimitsFailStartUpNamingTheProperty() {
		this.runner.withPropertyValues("apigw.server.header-timeout=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("apigw.server.header-timeout must be 0 (off) or more, was PT-1S"));
		this.runner.withPropertyValues("apigw.server.max-connections-per-address=-2")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("apigw.server.max-connections-per-address must be 0 (off) or more, was -2"));
	}

	@Test
	void backsOffWithoutReactorNetty() {
		this.runner.withClassLoader(new FilteredClassLoader(HttpServer.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(NettyServerLimits.class));
	}

	@Test
	void backsOffForServletApplications() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(ApigwServerAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(NettyServerLimits.class));
	}

	@Test
	void backsOffWhenApigwIsDisabled() {
		this.runner.withPropertyValues("apigw.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(NettyServerLimits.class));
	}

	@Test
	void backsOffWhenTheUserDefinesTheSameBean() {
		this.runner.withUserConfiguration(OwnLimits.class)
			.run((context) -> assertThat(context).getBean(NettyServerLimits.class).isSameAs(OwnLimits.LIMITS));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnLimits {

		static final NettyServerLimits LIMITS = new NettyServerLimits(Duration.ofSeconds(1), null, 0);

		@Bean
		NettyServerLimits ownLimits() {
			return LIMITS;
		}

	}

}
