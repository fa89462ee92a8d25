package dev.apigw.autoconfigure;

import dev.apigw.validation.RequestValidationFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Request validation: the phase that checks required request parameters and bodies against
 * the methods' models. It compiles the models with every deployment, so a model that is not
 * a valid JSON schema fails start-up (or refuses a deployment made at run time).
 */
@AutoConfiguration(before = ApigwAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(name = "com.networknt.schema.SchemaRegistry")
@ConditionalOnBooleanProperty(name = "apigw.enabled", matchIfMissing = true)
public final class ApigwValidationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RequestValidationFilter apigwRequestValidationFilter() {
		return new RequestValidationFilter();
	}

}
