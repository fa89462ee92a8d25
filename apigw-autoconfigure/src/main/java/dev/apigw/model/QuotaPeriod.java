package dev.apigw.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * The period a usage plan quota counts requests in, in UTC: a calendar day, a week from
 * Monday 00:00, or a calendar month.
 */
public enum QuotaPeriod {

	/** A UTC calendar day. */
	DAY,

	/** A week starting Monday 00:00 UTC. */
	WEEK,

	/** A UTC calendar month. */
	MONTH;

	/**
	 * The first day of the period containing a day.
	 * @param day the day
	 * @return the first day of its period
	 */
	public LocalDate start(LocalDate day) {
		return switch (this) {
			case DAY -> day;
			case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> day.withDayOfMonth(1);
		};
	}

	/**
	 * The first day of the period after the one starting on a day.
	 * @param start the first day of a period
	 * @return the first day of the next period
	 */
	public LocalDate next(LocalDate start) {
		return switch (this) {
			case DAY -> start.plusDays(1);
			case WEEK -> start.plusWeeks(1);
			case MONTH -> start.plusMonths(1);
		};
	}

	/**
	 * The first day of the period containing an instant.
	 * @param instant the instant
	 * @return the first day of its period
	 */
	public LocalDate start(Instant instant) {
		return start(LocalDate.ofInstant(instant, ZoneOffset.UTC));
	}

	/**
	 * Midnight UTC at the start of a day, in epoch milliseconds.
	 * @param day the day
	 * @return the epoch milliseconds
	 */
	public static long millis(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
	}

}
