package dev.apigw.test;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application end-to-end tests start: only auto-configuration, plus what each test's
 * profile configures.
 */
@SpringBootApplication
public class GatewayTestApplication {

}
