package dev.apigw.definition.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the test documents under {@code src/test/resources/openapi}.
 */
final class Resources {

	private Resources() {
	}

	static String read(String name) {
		try (InputStream in = Resources.class.getResourceAsStream("/openapi/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No test resource openapi/" + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
