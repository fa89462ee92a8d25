package dev.apigw.management;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.apigw.definition.InvalidApiDefinitionException;
import dev.apigw.model.Api;
import dev.apigw.model.Deployment;
import dev.apigw.model.StagePointer;

/**
 * GetStages, GetStage and UpdateStage. In apigw's model a stage's variables are part of
 * the deployment it serves: a patch of {@code /deploymentId} moves the stage (variables
 * included) to that deployment, and a patch of its variables or description makes a new
 * deployment of what the stage serves with only those changed (see docs/management.md).
 */
final class StageOperations {

	private static final String DESCRIPTION = "Stage settings updated";

	private final ManagedApis apis;

	StageOperations(ManagedApis apis) {
		this.apis = apis;
	}

	ManagementResult list(String apiId, ManagementRequest request) {
		Api api = this.apis.require(apiId);
		String deploymentId = request.query().getFirst("deploymentId");
		Map<String, StagePointer> pointers = this.apis.stages(api);
		List<Map<String, Object>> items = new ArrayList<>();
		for (String stage : api.stages().keySet()) {
			StagePointer pointer = pointers.get(stage);
			if (pointer != null && (deploymentId == null || deploymentId.equals(pointer.deploymentId()))) {
				items.add(shape(api, stage, pointer));
			}
		}
		return ManagementResult.ok(Map.of("item", items));
	}

	ManagementResult get(String apiId, String stage) {
		Api api = this.apis.require(apiId);
		return ManagementResult.ok(shape(api, stage, this.apis.requireStage(api, stage)));
	}

	ManagementResult update(String apiId, String stage, ManagementRequest request) {
		Api api = this.apis.require(apiId);
		this.apis.requireStage(api, stage);
		PatchOperations patch = PatchOperations.parse(request.body());
		try {
			if (patch.deploymentId() != null) {
				this.apis.requireDeployment(apiId, patch.deploymentId());
				this.apis.registry().rollback(apiId, stage, patch.deploymentId(), request.principal());
			}
			if (patch.changesStage()) {
				this.apis.registry().redeploy(apiId, stage, patch::apply, DESCRIPTION, request.principal());
			}
		}
		catch (InvalidApiDefinitionException | IllegalArgumentException ex) {
			throw ManagementError.badRequest(ex.getMessage());
		}
		Api updated = this.apis.require(apiId);
		return ManagementResult.ok(shape(updated, stage, this.apis.requireStage(updated, stage)));
	}

	private Map<String, Object> shape(Api api, String stage, StagePointer pointer) {
		Deployment served = this.apis.requireDeployment(api.id(), pointer.deploymentId());
		return Shapes.stage(stage, pointer, served);
	}

}
