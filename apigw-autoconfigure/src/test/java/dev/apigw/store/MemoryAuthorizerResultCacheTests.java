package dev.apigw.store;

import java.time.Duration;
import java.time.Instant;

import dev.apigw.test.MutableClock;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * The in-memory authorizer result cache keeps results themselves: a hit decodes nothing,
 * entries expire on the gateway's clock.
 */
class MemoryAuthorizerResultCacheTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

	private final MemoryAuthorizerResultCache cache = new MemoryAuthorizerResultCache(this.clock, 100);

	@Test
	void aHitIsTheResultThatWasPutWithoutEncodingOrDecoding() {
		Object result = new Object();
		ValueCodec<Object> codec = new ValueCodec<>() {

			@Override
			public String encode(Object value) {
				throw new AssertionError("encoded");
			}

			@Override
			public Object decode(String text) {
				throw new AssertionError("decoded");
			}

		};
		StepVerifier.create(this.cache.put("api/dev/tokens/abc", result, Duration.ofSeconds(300), codec))
			.verifyComplete();
		StepVerifier.create(this.cache.get("api/dev/tokens/abc", codec)).expectNextMatches((hit) -> hit == result)
			.verifyComplete();
	}

	@Test
	void aResultExpiresAfterItsTtlOnTheGatewaysClock() {
		StepVerifier.create(this.cache.put("k", "result", Duration.ofSeconds(300), TextCodec.INSTANCE))
			.verifyComplete();
		this.clock.advance(Duration.ofSeconds(299));
		StepVerifier.create(this.cache.get("k", TextCodec.INSTANCE)).expectNext("result").verifyComplete();
		this.clock.advance(Duration.ofSeconds(2));
		StepVerifier.create(this.cache.get("k", TextCodec.INSTANCE)).verifyComplete();
	}

	@Test
	void aResultPutWithAnotherCodecIsAMiss() {
		StepVerifier.create(this.cache.put("k", "result", Duration.ofSeconds(300), TextCodec.INSTANCE))
			.verifyComplete();
		StepVerifier.create(this.cache.get("k", new TextCodec())).verifyComplete();
	}

	@Test
	void clearDropsEveryResult() {
		StepVerifier.create(this.cache.put("k", "result", Duration.ofSeconds(300), TextCodec.INSTANCE)
			.then(this.cache.clear())).verifyComplete();
		StepVerifier.create(this.cache.get("k", TextCodec.INSTANCE)).verifyComplete();
	}

	/**
	 * Text as itself.
	 */
	static final class TextCodec implements ValueCodec<String> {

		static final TextCodec INSTANCE = new TextCodec();

		@Override
		public String encode(String value) {
			return value;
		}

		@Override
		public String decode(String text) {
			if (text.startsWith("!")) {
				throw new IllegalArgumentException("unreadable");
			}
			return text;
		}

	}

}
