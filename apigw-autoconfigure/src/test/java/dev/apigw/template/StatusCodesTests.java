package dev.apigw.template;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The status code of a MOCK integration, read from its rendered request template. */
class StatusCodesTests {

	@Test
	void readsTheStatusCodeOfAJsonObject() {
		assertThat(StatusCodes.statusCodeOf("{\"statusCode\": 200}")).isEqualTo(200);
		assertThat(StatusCodes.statusCodeOf("\n  {\n    \"statusCode\": 404, \"other\": \"x\"\n  }\n")).isEqualTo(404);
	}

	@Test
	void acceptsTheUnquotedKeyTheCdkEmits() {
		assertThat(StatusCodes.statusCodeOf("{statusCode: 200}")).isEqualTo(200);
	}

	@Test
	void readsWhatATemplateRendered() {
		String rendered = Rendering.ENGINE.compile("mock", "{\"statusCode\": $input.params('code')}")
			.render(TemplateInput.builder().queryParams(java.util.Map.of("code", "201")).build());
		assertThat(StatusCodes.statusCodeOf(rendered)).isEqualTo(201);
	}

	@Test
	void rejectsAStringStatusCode() {
		assertThatExceptionOfType(TemplateRenderException.class).isThrownBy(() -> StatusCodes.statusCodeOf("{\"statusCode\": \"200\"}"))
			.withMessage(StatusCodes.UNPARSABLE);
	}

	@Test
	void rejectsMissingFractionalOrHugeStatusCodesAndNonJson() {
		for (String rendered : new String[] { "{}", "{\"statusCode\": 200.0}", "{\"statusCode\": 99999999999}", "",
				"statusCode: 200", "[200]", "{\"statusCode\": null}" }) {
			assertThatExceptionOfType(TemplateRenderException.class).as(rendered)
				.isThrownBy(() -> StatusCodes.statusCodeOf(rendered));
		}
	}

}
