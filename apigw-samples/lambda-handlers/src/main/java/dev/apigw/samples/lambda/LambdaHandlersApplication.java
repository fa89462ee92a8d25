package dev.apigw.samples.lambda;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Serves the handlers of this package through API stages; the API is in
 * {@code application.yml}. Nothing here is needed by the handlers themselves.
 */
@SpringBootApplication
public class LambdaHandlersApplication {

	public static void main(String[] args) {
		SpringApplication.run(LambdaHandlersApplication.class, args);
	}

}
