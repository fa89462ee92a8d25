package dev.apigw.model;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaPeriodTests {

	@Test
	void dayIsTheUtcCalendarDay() {
		assertThat(QuotaPeriod.DAY.start(Instant.parse("2026-11-27T23:59:59.999Z"))).isEqualTo("2026-11-27");
		assertThat(QuotaPeriod.DAY.start(Instant.parse("2026-11-28T00:00:00Z"))).isEqualTo("2026-11-28");
		assertThat(QuotaPeriod.DAY.next(LocalDate.parse("2026-12-31"))).isEqualTo("2027-01-01");
	}

	@Test
	void weekStartsOnMonday() {
		// 2026-11-29 is a Sunday, 2026-11-30 a Monday
		assertThat(QuotaPeriod.WEEK.start(Instant.parse("2026-11-29T23:59:59Z"))).isEqualTo("2026-11-23");
		assertThat(QuotaPeriod.WEEK.start(Instant.parse("2026-11-30T00:00:00Z"))).isEqualTo("2026-11-30");
		assertThat(QuotaPeriod.WEEK.next(LocalDate.parse("2026-12-28"))).isEqualTo("2027-01-04");
	}

	@Test
	void monthIsTheCalendarMonth() {
		assertThat(QuotaPeriod.MONTH.start(Instant.parse("2028-02-29T12:00:00Z"))).isEqualTo("2028-02-01");
		assertThat(QuotaPeriod.MONTH.next(LocalDate.parse("2028-02-01"))).isEqualTo("2028-03-01");
		assertThat(QuotaPeriod.millis(LocalDate.parse("2026-11-01")))
			.isEqualTo(Instant.parse("2026-11-01T00:00:00Z").toEpochMilli());
	}

}
