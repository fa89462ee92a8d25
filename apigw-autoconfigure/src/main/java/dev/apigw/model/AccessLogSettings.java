package dev.apigw.model;

import org.jspecify.annotations.Nullable;

/**
 * A stage's access log: one line per request in a format of {@code $context} variables,
 * written through the logging system.
 *
 * @param format the line format, e.g. AWS's JSON preset; the names {@code CLF},
 * {@code JSON}, {@code XML} and {@code CSV} stand for AWS's console presets
 * @param destination the logger name, {@code null} for {@code apigw.access.<api>.<stage>}
 */
public record AccessLogSettings(String format, @Nullable String destination) {

}
