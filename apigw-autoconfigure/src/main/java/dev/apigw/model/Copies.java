package dev.apigw.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Immutable copies that keep insertion order: AWS picks "the first defined template" and
 * similar, so order in definitions is meaningful.
 */
final class Copies {

	private Copies() {
	}

	static <K, V> Map<K, V> map(@Nullable Map<K, V> source) {
		if (source == null || source.isEmpty()) {
			return Map.of();
		}
		return Collections.unmodifiableMap(new LinkedHashMap<>(source));
	}

	static <T> List<T> list(@Nullable List<T> source) {
		return (source == null) ? List.of() : List.copyOf(source);
	}

}
