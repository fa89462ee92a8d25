package dev.apigw.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.velocity.runtime.directive.Scope;
import org.jspecify.annotations.Nullable;

/**
 * What a template may call: only these kinds of values, and only these methods on them. Anything
 * else (reflection, class loaders, threads, the file system, other JDK types) is unreachable,
 * because nothing on this list returns anything outside it.
 */
enum AllowList {

	STRING(Set.of("length", "isEmpty", "isBlank", "charAt", "codePointAt", "substring", "subSequence", "indexOf",
			"lastIndexOf", "contains", "startsWith", "endsWith", "equals", "equalsIgnoreCase", "compareTo",
			"compareToIgnoreCase", "contentEquals", "regionMatches", "hashCode", "toString", "toLowerCase",
			"toUpperCase", "trim", "strip", "stripLeading", "stripTrailing", "replace", "replaceAll", "replaceFirst",
			"split", "matches", "concat", "repeat", "valueOf", "join"), Set.of("empty", "blank")),

	NUMBER(Set.of("intValue", "longValue", "doubleValue", "floatValue", "shortValue", "byteValue", "toString",
			"equals", "hashCode", "compareTo", "parseInt", "parseLong", "parseDouble", "parseFloat", "valueOf",
			"isNaN", "isInfinite", "signum"), Set.of()),

	BOOLEAN(Set.of("booleanValue", "toString", "equals", "hashCode", "compareTo", "parseBoolean", "valueOf"),
			Set.of()),

	CHARACTER(Set.of("charValue", "toString", "equals", "hashCode", "compareTo", "isDigit", "isLetter",
			"isLetterOrDigit", "isWhitespace", "isUpperCase", "isLowerCase", "toUpperCase", "toLowerCase"), Set.of()),

	/** {@code $foreach} and the other directive scopes. */
	SCOPE(Set.of("hasNext", "getHasNext", "getIndex", "getCount", "isFirst", "getFirst", "isLast", "getLast",
			"getParent", "getTopmost", "get", "put", "containsKey", "size", "isEmpty", "toString"),
			Set.of("hasNext", "index", "count", "first", "last", "parent", "topmost")),

	MAP(Set.of("get", "getOrDefault", "containsKey", "containsValue", "put", "putAll", "putIfAbsent", "remove",
			"size", "isEmpty", "keySet", "values", "entrySet", "clear", "equals", "hashCode", "toString"), Set.of()),

	COLLECTION(Set.of("get", "set", "add", "addAll", "remove", "size", "isEmpty", "contains", "indexOf",
			"lastIndexOf", "subList", "clear", "equals", "hashCode", "toString"), Set.of("empty")),

	ENTRY(Set.of("getKey", "getValue", "setValue", "toString", "equals", "hashCode"), Set.of("key", "value"));

	private final Set<String> methods;

	private final Set<String> properties;

	AllowList(Set<String> methods, Set<String> properties) {
		this.methods = methods;
		this.properties = properties;
	}

	/** The kind of a value, or {@code null} for anything a template may not touch. */
	static @Nullable AllowList of(@Nullable Object value) {
		if (value instanceof String) {
			return STRING;
		}
		if (value instanceof Scope) {
			return SCOPE;
		}
		if (value instanceof Map) {
			return MAP;
		}
		if (value instanceof Collection) {
			return COLLECTION;
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof Float
				|| value instanceof Short || value instanceof Byte || value instanceof BigDecimal
				|| value instanceof BigInteger) {
			return NUMBER;
		}
		if (value instanceof Boolean) {
			return BOOLEAN;
		}
		if (value instanceof Character) {
			return CHARACTER;
		}
		if (value instanceof Map.Entry) {
			return ENTRY;
		}
		return null;
	}

	boolean allowsMethod(String name) {
		return this.methods.contains(name);
	}

	boolean allowsProperty(String name) {
		return this.properties.contains(name);
	}

	/** {@code $x.class} (Velocity reads it through {@code getClass()}) on anything but a map. */
	static boolean isClassProperty(String name) {
		return name.toLowerCase(Locale.ROOT).equals("class");
	}

	/** Iteration in {@code #foreach} is allowed over collections, maps (their values) and arrays. */
	static boolean isIterable(Object value) {
		return value instanceof Collection || value instanceof Map || value instanceof Iterator
				|| value.getClass().isArray();
	}

}
