package dev.apigw.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathSegmentsTests {

	@Test
	void acceptsOrdinaryPaths() {
		assertThat(PathSegments.problem("/pets/42")).isNull();
		assertThat(PathSegments.problem("/a%20b/c%2Fd")).isNull();
		assertThat(PathSegments.problem("")).isNull();
		assertThat(PathSegments.problem("/.well-known/x")).isNull();
		assertThat(PathSegments.problem("/a..b")).isNull();
	}

	@Test
	void rejectsMalformedPercentEncoding() {
		assertThat(PathSegments.problem("/pets/%zz")).contains("percent");
		assertThat(PathSegments.problem("/pets/%4")).contains("percent");
		assertThat(PathSegments.problem("/pets/%")).contains("percent");
	}

	@Test
	void rejectsDotSegmentsAlsoWhenEncoded() {
		assertThat(PathSegments.problem("/pets/../admin")).contains("dot");
		assertThat(PathSegments.problem("/pets/./x")).contains("dot");
		assertThat(PathSegments.problem("/pets/%2e%2e/admin")).contains("dot");
		assertThat(PathSegments.problem("/pets/.%2E")).contains("dot");
		assertThat(PathSegments.problem("/..")).contains("dot");
	}

	@Test
	void decodesUtf8() {
		assertThat(PathSegments.decode("caf%C3%A9")).isEqualTo("café");
		assertThat(PathSegments.decode("a+b")).isEqualTo("a+b");
		assertThat(PathSegments.decode("%zz")).isNull();
	}

}
