package dev.apigw.integration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathValuesTests {

	@Test
	void decodedValuesBecomeOneSegment() {
		assertThat(PathValues.segment("../../admin")).isEqualTo("..%2F..%2Fadmin");
		assertThat(PathValues.segment("..")).isEqualTo("%2E%2E");
		assertThat(PathValues.segment(".")).isEqualTo("%2E");
		assertThat(PathValues.segment("...")).isEqualTo("...");
		assertThat(PathValues.segment("100%")).isEqualTo("100%25");
		assertThat(PathValues.segment("a b?c#d")).isEqualTo("a%20b%3Fc%23d");
		assertThat(PathValues.segment("café")).isEqualTo("caf%C3%A9");
		assertThat(PathValues.segment("")).isEmpty();
	}

	@Test
	void rawSegmentsStayAsSentUnlessTheyAreDotSegments() {
		assertThat(PathValues.rawSegment("a%2Fb")).isEqualTo("a%2Fb");
		assertThat(PathValues.rawSegment("%2e%2E")).isEqualTo("%2E%2E");
		assertThat(PathValues.rawSegment(".")).isEqualTo("%2E");
		assertThat(PathValues.rawSegment("a/b")).isEqualTo("a%2Fb");
		assertThat(PathValues.rawSegment("%zz")).isEqualTo("%zz");
	}

	@Test
	void greedyValuesWalkOutWhenADecodedSegmentIsADotSegment() {
		assertThat(PathValues.walksOut("a/b/c.txt")).isFalse();
		assertThat(PathValues.walksOut("..a/b../.c/...")).isFalse();
		assertThat(PathValues.walksOut("a%2Fb/%C3%A9")).isFalse();
		assertThat(PathValues.walksOut("100%25/%zz")).isFalse();
		assertThat(PathValues.walksOut("a/../b")).isTrue();
		assertThat(PathValues.walksOut("..")).isTrue();
		assertThat(PathValues.walksOut("a/.")).isTrue();
		assertThat(PathValues.walksOut("a/..%2fb")).isTrue();
		assertThat(PathValues.walksOut("%2e%2e%2fadmin")).isTrue();
		assertThat(PathValues.walksOut("..%252fadmin")).isTrue();
		assertThat(PathValues.walksOut("..%25252fadmin")).isTrue();
		assertThat(PathValues.walksOut("a/..%5cadmin")).isTrue();
		assertThat(PathValues.walksOut("a\\..\\b")).isTrue();
		assertThat(PathValues.walksOut("..%2f%zz")).isTrue();
	}

	@Test
	void decodingStopsAfterThreeRounds() {
		// the documented bound: a value is decoded at most three times
		assertThat(PathValues.walksOut("..%2525252fadmin")).isFalse();
	}

}
