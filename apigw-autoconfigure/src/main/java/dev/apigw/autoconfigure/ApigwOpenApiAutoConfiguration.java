package dev.apigw.autoconfigure;

import dev.apigw.definition.OpenApiLoader;
import dev.apigw.definition.openapi.OpenApiFileLoader;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * APIs defined by OpenAPI files with AWS's extensions ({@code apigw.apis.<id>.openapi}),
 * when swagger-parser is on the classpath.
 */
@AutoConfiguration(before = ApigwAutoConfiguration.class)
@ConditionalOnClass(name = "io.swagger.v3.parser.OpenAPIV3Parser")
@ConditionalOnBooleanProperty(name = "apigw.enabled", matchIfMissing = true)
public final class ApigwOpenApiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OpenApiLoader apigwOpenApiLoader(ResourceLoader resourceLoader) {
		return new OpenApiFileLoader(resourceLoader);
	}

}
