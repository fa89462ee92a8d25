package dev.apigw.documentation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.apigw.model.Api;
import org.jspecify.annotations.Nullable;

/**
 * The documentation history of every API: versions published from the deployed definition
 * (at start-up from {@code apigw.apis.<id>.documentation-version}, or through the actuator
 * endpoint), and which version each stage's exports use. Pointing a stage at an older
 * version rolls its documentation back. Kept in memory: the start-up version is published
 * again at every start. Thread-safe.
 */
public final class DocumentationVersions {

	private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final Clock clock;

	private final Map<String, List<DocumentationVersion>> versions = new HashMap<>();

	private final Map<String, Map<String, String>> stages = new HashMap<>();

	/**
	 * Creates an empty history.
	 * @param clock dates the versions
	 */
	public DocumentationVersions(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Publishes the documentation of an API as a new version.
	 * @param api the API, as deployed
	 * @param version the version name
	 * @param description what the version is
	 * @return the version
	 * @throws IllegalArgumentException when the name is invalid or already used for the API
	 */
	public synchronized DocumentationVersion create(Api api, String version, @Nullable String description) {
		if (!VERSION.matcher(version).matches()) {
			throw new IllegalArgumentException("Invalid documentation version '" + version
					+ "': use 1 to 64 letters, digits, '.', '_' and '-'");
		}
		List<DocumentationVersion> history = this.versions.computeIfAbsent(api.id(), (id) -> new ArrayList<>());
		if (history.stream().anyMatch((existing) -> existing.version().equals(version))) {
			throw new IllegalArgumentException(
					"Documentation version '" + version + "' of API '" + api.id() + "' already exists");
		}
		DocumentationVersion created = new DocumentationVersion(version, this.clock.instant(), description,
				DocumentationSnapshot.of(api));
		history.add(created);
		return created;
	}

	/**
	 * The versions of an API.
	 * @param apiId the API id
	 * @return the versions, oldest first
	 */
	public synchronized List<DocumentationVersion> versions(String apiId) {
		return List.copyOf(this.versions.getOrDefault(apiId, List.of()));
	}

	/**
	 * A version of an API.
	 * @param apiId the API id
	 * @param version the version name
	 * @return the version, if there is one of that name
	 */
	public synchronized Optional<DocumentationVersion> find(String apiId, String version) {
		return this.versions.getOrDefault(apiId, List.of())
			.stream()
			.filter((candidate) -> candidate.version().equals(version))
			.findFirst();
	}

	/**
	 * Points a stage's documentation at a version (or back at the deployed definition).
	 * @param apiId the API id
	 * @param stage the stage name
	 * @param version the version name, {@code null} for the deployed definition's texts
	 * @throws IllegalArgumentException when the API has no such version
	 */
	public synchronized void associate(String apiId, String stage, @Nullable String version) {
		if (version == null) {
			Map<String, String> associations = this.stages.get(apiId);
			if (associations != null) {
				associations.remove(stage);
			}
			return;
		}
		if (find(apiId, version).isEmpty()) {
			throw new IllegalArgumentException("API '" + apiId + "' has no documentation version '" + version + "'");
		}
		this.stages.computeIfAbsent(apiId, (id) -> new LinkedHashMap<>()).put(stage, version);
	}

	/**
	 * The version a stage's documentation uses.
	 * @param apiId the API id
	 * @param stage the stage name
	 * @return the version name, {@code null} when the stage uses the deployed definition's texts
	 */
	public synchronized @Nullable String stageVersion(String apiId, String stage) {
		return this.stages.getOrDefault(apiId, Map.of()).get(stage);
	}

	/**
	 * The stages that use a documentation version.
	 * @param apiId the API id
	 * @return stage name to version name
	 */
	public synchronized Map<String, String> stageVersions(String apiId) {
		return Map.copyOf(this.stages.getOrDefault(apiId, Map.of()));
	}

}
