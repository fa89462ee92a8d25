package dev.apigw.routing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request ids and trace ids in AWS's shapes.
 */
class RequestIdsTests {

	@Test
	void requestIdIsAVersion4Uuid() {
		assertThat(RequestIds.requestId())
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
	}

	@Test
	void traceIdIsAnXRayRootWithTheRequestSecond() {
		// 2026-11-27T06:00:00Z = 1795845600 s = 0x6b0a6de0
		String traceId = RequestIds.traceId(1_795_845_600_123L);
		assertThat(traceId).matches("Root=1-6b0a6de0-[0-9a-f]{24}");
		assertThat(RequestIds.traceId(1_795_845_600_123L)).isNotEqualTo(traceId);
	}

	@Test
	void extendedRequestIdIsSixteenBase64Characters() {
		assertThat(RequestIds.extendedRequestId()).matches("[A-Za-z0-9_-]{15}=");
	}

}
