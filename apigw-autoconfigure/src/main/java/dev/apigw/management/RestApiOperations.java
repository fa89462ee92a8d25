package dev.apigw.management;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.definition.openapi.ImportResult;
import dev.apigw.definition.openapi.OpenApiImporter;
import dev.apigw.model.Api;
import dev.apigw.model.Deployment;
import org.jspecify.annotations.Nullable;

/**
 * GetRestApis, GetRestApi, ImportRestApi ({@code POST /restapis?mode=import}) and
 * DeleteRestApi. An imported API gets a new id shaped like AWS's and no stage: a
 * deployment names its first one.
 */
final class RestApiOperations {

	private static final int ID_LENGTH = 10;

	private final OpenApiImporter importer = new OpenApiImporter();

	private final ManagedApis apis;

	RestApiOperations(ManagedApis apis) {
		this.apis = apis;
	}

	ManagementResult list(ManagementRequest request) {
		List<Map<String, Object>> items = this.apis.all().stream()
			.map((api) -> Shapes.restApi(api, created(api), List.of()))
			.toList();
		return ManagementResult.ok(Shapes.page(items, request));
	}

	ManagementResult get(String apiId) {
		Api api = this.apis.require(apiId);
		return ManagementResult.ok(Shapes.restApi(api, created(api), List.of()));
	}

	ManagementResult importApi(ManagementRequest request) {
		String mode = request.query().getFirst("mode");
		if (!"import".equals(mode)) {
			throw ManagementResult.unsupported(request);
		}
		String content = new String(request.body(), StandardCharsets.UTF_8);
		if (content.isBlank()) {
			throw ManagementError.badRequest("Invalid OpenAPI input: the body is empty");
		}
		String id = Ids.newId(ID_LENGTH, this.apis.registry().definitions()::containsKey);
		ImportResult imported;
		try {
			imported = this.importer.importWithWarnings(id, "management API import", content);
		}
		catch (InvalidApiDefinitionException ex) {
			throw ManagementError.badRequest(ex.getMessage());
		}
		if (Boolean.parseBoolean(request.query().getFirst("failonwarnings")) && !imported.warnings().isEmpty()) {
			throw ManagementError.badRequest("Warnings found during import:\n\t"
					+ String.join("\n\t", imported.warnings()));
		}
		try {
			this.apis.registry().define(imported.api(), request.principal());
		}
		catch (InvalidApiDefinitionException ex) {
			throw ManagementError.badRequest(ex.getMessage());
		}
		return ManagementResult.created(Shapes.restApi(imported.api(), null, imported.warnings()));
	}

	ManagementResult delete(String apiId, ManagementRequest request) {
		this.apis.require(apiId);
		this.apis.registry().remove(apiId, request.principal());
		return ManagementResult.accepted();
	}

	private @Nullable Instant created(Api api) {
		List<Deployment> deployments = this.apis.registry().deployments(api.id());
		return deployments.isEmpty() ? null : deployments.get(0).createdDate();
	}

}
