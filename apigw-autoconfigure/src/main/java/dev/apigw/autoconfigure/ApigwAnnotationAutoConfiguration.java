package dev.apigw.autoconfigure;

import dev.apigw.annotation.AnnotationApiSource;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * API definitions from {@code @ApiResource} / {@code @ApiMethod} annotated beans, merged
 * with those of application properties.
 */
@AutoConfiguration(after = ApigwAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBooleanProperty(name = "apigw.enabled", matchIfMissing = true)
public final class ApigwAnnotationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AnnotationApiSource apigwAnnotationApiSource(ListableBeanFactory beanFactory) {
		return new AnnotationApiSource(beanFactory);
	}

}
