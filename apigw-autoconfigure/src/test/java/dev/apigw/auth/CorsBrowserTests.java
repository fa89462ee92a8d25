package dev.apigw.auth;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.apigw.auth.SecurityTestConfiguration.Calls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS in a real browser: a page served from another origin calls the gateway with
 * {@code fetch} in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}). What the browser allows and refuses is the test: allowed
 * origins and preflighted methods succeed (and the preflight never reaches the
 * authorizer), other origins and resources without CORS fail.
 */
class CorsBrowserTests extends SecurityGatewayTest {

	private static ChromeDriver browser;

	private static Path profile;

	@LocalServerPort
	private int port;

	@Autowired
	private Calls calls;

	@Autowired
	private WebTestClient client;

	@BeforeAll
	static void startBrowser() throws IOException {
		File chromium = new File("/usr/bin/chromium");
		File driver = new File("/usr/bin/chromedriver");
		assertThat(chromium.canExecute()).as("Debian's chromium (apt-get install chromium chromium-driver)").isTrue();
		assertThat(driver.canExecute()).as("Debian's chromium-driver").isTrue();
		profile = Files.createTempDirectory("apigw-chromium");
		ChromeOptions options = new ChromeOptions().setBinary(chromium)
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver)
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
		browser.get(pageOrigin() + "/");
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
		FileSystemUtils.deleteRecursively(profile.toFile());
	}

	@BeforeEach
	void clear() {
		this.calls.clear();
	}

	@Test
	void simpleRequestFromTheAllowedOriginIsReadable() {
		Map<String, Object> result = fetch("/cors/dev/items", "{}");
		assertThat(result).containsEntry("status", 200L).containsEntry("body", "{\"items\":[\"a\",\"b\"]}");
	}

	@Test
	void preflightedRequestPassesAndThePreflightNeverReachesTheAuthorizer() {
		Map<String, Object> result = fetch("/cors/dev/items",
				"{method: 'PUT', headers: {'Content-Type': 'application/json', 'Authorization': 'allow-browser'}, body: '{}'}");
		assertThat(result).containsEntry("status", 200L).containsEntry("body", "{\"items\":[\"a\",\"b\"]}");
		List<Map<String, Object>> authorized = this.calls.of("tokenAuthorizer");
		assertThat(authorized).hasSize(1);
		assertThat(authorized.get(0)).containsEntry("methodArn",
				"arn:aws:execute-api:us-east-1:123456789012:cors/dev/PUT/items");
	}

	@Test
	void gatewayErrorsAreReadableByTheAllowedOrigin() {
		Map<String, Object> result = fetch("/cors/dev/items",
				"{method: 'PUT', headers: {'Content-Type': 'application/json'}, body: '{}'}");
		assertThat(result).containsEntry("status", 401L).containsEntry("body", "{\"message\":\"Unauthorized\"}");
	}

	@Test
	void resourceAllowingAnotherOriginIsRefusedByTheBrowser() {
		assertThat(fetch("/cors/dev/restricted", "{}")).containsEntry("error", "TypeError: Failed to fetch");
	}

	@Test
	void resourceWithoutCorsIsRefusedByTheBrowser() {
		assertThat(fetch("/cors/dev/plain", "{method: 'PUT', headers: {'Content-Type': 'application/json'}, body: '{}'}"))
			.containsEntry("error", "TypeError: Failed to fetch");
	}

	@Test
	void preflightIsAnsweredAsTheConsoleSetsItUp() {
		this.client.options()
			.uri("/cors/dev/items")
			.header("Origin", pageOrigin())
			.header("Access-Control-Request-Method", "PUT")
			.header("Access-Control-Request-Headers", "authorization,content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", pageOrigin())
			.expectHeader()
			.valueEquals("Access-Control-Allow-Methods", "GET,OPTIONS,PUT")
			.expectHeader()
			.valueEquals("Access-Control-Allow-Headers",
					"Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token")
			.expectHeader()
			.valueEquals("Access-Control-Max-Age", "600")
			.expectBody()
			.isEmpty();
		assertThat(this.calls.events).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> fetch(String path, String init) {
		String url = "http://127.0.0.1:" + this.port + path;
		Object result = ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], %s)
				  .then((response) => response.text().then((body) => done({status: response.status, body: body})))
				  .catch((error) => done({error: String(error)}));
				""".formatted(init), url);
		return (Map<String, Object>) result;
	}

}
