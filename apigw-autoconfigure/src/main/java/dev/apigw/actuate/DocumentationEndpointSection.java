package dev.apigw.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.apigw.deploy.DeploymentRegistry;
import dev.apigw.documentation.DocumentationSnapshot;
import dev.apigw.documentation.DocumentationVersion;
import dev.apigw.documentation.DocumentationVersions;
import dev.apigw.model.Api;
import dev.apigw.model.Deployment;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;


/**
 * The {@code documentation} section of the {@code apigw} actuator endpoint, AWS's
 * documentation versions: {@code GET /actuator/apigw/documentation/{apiId}} lists the
 * versions and the stages using them, {@code GET .../{apiId}/versions/{version}} shows one;
 * {@code POST .../{apiId}} with {@code documentationVersion} (and optionally
 * {@code description}, {@code stage}) publishes the deployed documentation as a version,
 * {@code POST .../{apiId}/stages/{stage}} with {@code documentationVersion} points a stage at
 * a version (without it: back at the deployed texts) — a roll back.
 */
public final class DocumentationEndpointSection implements ApigwEndpointSection {

	private static final Log logger = LogFactory.getLog(DocumentationEndpointSection.class);

	private final DeploymentRegistry registry;

	private final DocumentationVersions versions;

	/**
	 * Creates the section.
	 * @param registry what is deployed
	 * @param versions the documentation history
	 */
	public DocumentationEndpointSection(DeploymentRegistry registry, DocumentationVersions versions) {
		this.registry = registry;
		this.versions = versions;
	}

	@Override
	public String name() {
		return "documentation";
	}

	@Override
	public @Nullable Object read(List<String> path, Map<String, String> parameters) {
		if (path.isEmpty() || latest(path.get(0)) == null) {
			return null;
		}
		String apiId = path.get(0);
		if (path.size() == 1) {
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("apiId", apiId);
			List<Object> items = new ArrayList<>();
			this.versions.versions(apiId).forEach((version) -> items.add(describe(version, false)));
			answer.put("versions", items);
			answer.put("stages", this.versions.stageVersions(apiId));
			return answer;
		}
		if (path.size() == 3 && path.get(1).equals("versions")) {
			return this.versions.find(apiId, path.get(2)).map((version) -> describe(version, true)).orElse(null);
		}
		return null;
	}

	@Override
	public @Nullable Object write(List<String> path, Map<String, Object> parameters, String principal) {
		if (path.isEmpty()) {
			return null;
		}
		String apiId = path.get(0);
		Deployment deployment = latest(apiId);
		if (deployment == null) {
			return null;
		}
		String version = (String) parameters.get("documentationVersion");
		if (path.size() == 1) {
			if (version == null) {
				throw new IllegalArgumentException("documentationVersion is required");
			}
			String stage = (String) parameters.get("stage");
			if (stage != null && !deployment.api().stages().containsKey(stage)) {
				throw new IllegalArgumentException("API '" + apiId + "' has no stage '" + stage + "'");
			}
			DocumentationVersion created = this.versions.create(deployment.api(), version,
					(String) parameters.get("description"));
			if (stage != null) {
				this.versions.associate(apiId, stage, version);
			}
			logger.info("Documentation version '" + version + "' of API '" + apiId + "' published by " + principal);
			return describe(created, false);
		}
		if (path.size() == 3 && path.get(1).equals("stages")) {
			String stage = path.get(2);
			if (!deployment.api().stages().containsKey(stage)) {
				return null;
			}
			this.versions.associate(apiId, stage, version);
			logger.info("Stage '" + stage + "' of API '" + apiId + "' uses documentation "
					+ ((version != null) ? "version '" + version + "'" : "of its deployment") + ", set by " + principal);
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("apiId", apiId);
			answer.put("stage", stage);
			answer.put("documentationVersion", version);
			return answer;
		}
		return null;
	}

	private @Nullable Deployment latest(String apiId) {
		List<Deployment> deployments = this.registry.deployments(apiId);
		Deployment latest = deployments.isEmpty() ? null : deployments.get(deployments.size() - 1);
		// documentation parts are a REST API's
		return (latest != null && latest.definition() instanceof Api) ? latest : null;
	}

	private static Map<String, Object> describe(DocumentationVersion version, boolean withContent) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("version", version.version());
		item.put("createdDate", version.createdDate().toString());
		item.put("description", version.description());
		if (withContent) {
			DocumentationSnapshot documentation = version.documentation();
			Map<String, Object> content = new LinkedHashMap<>();
			content.put("title", documentation.title());
			content.put("description", documentation.description());
			content.put("version", documentation.version());
			content.put("resources", documentation.resources());
			Map<String, Object> methods = new LinkedHashMap<>();
			documentation.methods().forEach((key, method) -> {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("summary", method.summary());
				entry.put("description", method.description());
				methods.put(key, entry);
			});
			content.put("methods", methods);
			item.put("documentation", content);
		}
		return item;
	}

}
