package dev.apigw.definition;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application whose start-up fails on invalid API definitions.
 */
@SpringBootApplication
class StartupValidationTestApplication {

}
