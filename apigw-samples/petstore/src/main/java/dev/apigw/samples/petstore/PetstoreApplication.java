package dev.apigw.samples.petstore;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The petstore sample: an AWS API Gateway style API (see application.yml) in front of a
 * backend controller served by the same application.
 */
@SpringBootApplication
public class PetstoreApplication {

	public static void main(String[] args) {
		SpringApplication.run(PetstoreApplication.class, args);
	}

}
