package dev.apigw.actuate;

import java.util.List;
import java.util.Map;

import dev.apigw.observe.AuditLog;
import org.jspecify.annotations.Nullable;

/**
 * The {@code audit} section of the {@code apigw} actuator endpoint:
 * {@code GET /actuator/apigw/audit} lists the management actions recorded, the most recent
 * first.
 */
public final class AuditEndpointSection implements ApigwEndpointSection {

	private final AuditLog audit;

	/**
	 * Creates the section.
	 * @param audit the audit log
	 */
	public AuditEndpointSection(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public String name() {
		return "audit";
	}

	@Override
	public @Nullable Object read(List<String> path, Map<String, String> parameters) {
		if (!path.isEmpty()) {
			return null;
		}
		return Map.of("entries", this.audit.entries().stream().map(AuditLog.Entry::describe).toList());
	}

}
