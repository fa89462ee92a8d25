package dev.apigw.autoconfigure;

import java.time.Duration;

import dev.apigw.server.NettyServerLimits;
import dev.apigw.server.ServerLimitsProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Limits on Spring Boot's Reactor Netty server against slow and idle clients and malformed
 * requests ({@code apigw.server.*}), through a {@code NettyServerCustomizer}. Backs off when
 * the server is not Reactor Netty; the application's own {@code server.netty.idle-timeout}
 * wins over the starter's idle timeout.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(name = { "reactor.netty.http.server.HttpServer",
		"org.springframework.boot.reactor.netty.NettyServerCustomizer" })
@ConditionalOnBooleanProperty(name = "apigw.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ServerLimitsProperties.class)
public final class ApigwServerAutoConfiguration {

	private static final String USER_IDLE_TIMEOUT = "server.netty.idle-timeout";

	@Bean
	@ConditionalOnMissingBean
	NettyServerLimits apigwNettyServerLimits(ServerLimitsProperties properties, Environment environment) {
		boolean userIdleTimeout = Binder.get(environment).bind(USER_IDLE_TIMEOUT, Duration.class).isBound();
		return new NettyServerLimits(properties.getHeaderTimeout(), userIdleTimeout ? null : properties.getIdleTimeout(),
				properties.getMaxConnectionsPerAddress());
	}

}
