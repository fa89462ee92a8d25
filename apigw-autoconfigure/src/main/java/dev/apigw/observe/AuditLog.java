package dev.apigw.observe;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.routing.JsonStrings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The record of every management action (deploy, rollback, canary change, cache flush, key
 * and plan changes): who did what to which API and stage, and when. Each entry is written
 * as one JSON line to the logger {@code apigw.audit} and kept, the most recent first, for
 * the {@code audit} section of the actuator endpoint. Secrets never appear in entries.
 */
public final class AuditLog {

	/** The logger entries are written to. */
	public static final String LOGGER = "apigw.audit";

	private static final Log logger = LogFactory.getLog(LOGGER);

	private final Clock clock;

	private final int capacity;

	private final Deque<Entry> entries = new ArrayDeque<>();

	/**
	 * Creates a log.
	 * @param clock the clock entries are dated by
	 * @param capacity how many entries are kept for reading
	 */
	public AuditLog(Clock clock, int capacity) {
		this.clock = clock;
		this.capacity = capacity;
	}

	/**
	 * Records an action.
	 * @param principal who acted ({@code system} for start-up and configuration refreshes)
	 * @param action what was done, e.g. {@code rollback}
	 * @param details what it was done to and with (API, stage, deployment ids)
	 * @return the entry
	 */
	public Entry record(String principal, String action, Map<String, ?> details) {
		Entry entry = new Entry(this.clock.instant(), principal, action, new LinkedHashMap<>(details));
		synchronized (this.entries) {
			this.entries.addFirst(entry);
			while (this.entries.size() > this.capacity) {
				this.entries.removeLast();
			}
		}
		if (logger.isInfoEnabled()) {
			logger.info(entry.toJson());
		}
		return entry;
	}

	/**
	 * The entries kept, the most recent first.
	 * @return the entries
	 */
	public List<Entry> entries() {
		synchronized (this.entries) {
			return Collections.unmodifiableList(new ArrayList<>(this.entries));
		}
	}

	/**
	 * One management action.
	 *
	 * @param time when it happened
	 * @param principal who acted
	 * @param action what was done
	 * @param details what it was done to and with
	 */
	public record Entry(Instant time, String principal, String action, Map<String, Object> details) {

		/**
		 * The entry as one line of JSON.
		 * @return the JSON text
		 */
		public String toJson() {
			StringBuilder json = new StringBuilder(128);
			json.append("{\"time\":").append(JsonStrings.quote(this.time.toString()));
			json.append(",\"principal\":").append(JsonStrings.quote(this.principal));
			json.append(",\"action\":").append(JsonStrings.quote(this.action));
			this.details.forEach((key, value) -> {
				json.append(',').append(JsonStrings.quote(key)).append(':');
				if (value == null) {
					json.append("null");
				}
				else if (value instanceof Number || value instanceof Boolean) {
					json.append(value);
				}
				else {
					json.append(JsonStrings.quote(String.valueOf(value)));
				}
			});
			return json.append('}').toString();
		}

		/**
		 * The entry as the actuator endpoint shows it.
		 * @return the description
		 */
		public Map<String, Object> describe() {
			Map<String, Object> description = new LinkedHashMap<>();
			description.put("time", this.time.toString());
			description.put("principal", this.principal);
			description.put("action", this.action);
			description.putAll(this.details);
			return description;
		}

	}

}
