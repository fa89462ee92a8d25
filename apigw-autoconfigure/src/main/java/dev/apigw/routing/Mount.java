package dev.apigw.routing;

/**
 * What a mount serves: one stage of an API, addressed either with the stage segment in the
 * path ({@code /petstore/dev/pets}) or through a base-path mapping without it
 * ({@code /v1/pets}).
 *
 * @param stage the stage
 * @param stageInPath whether the stage name is the last segment of the mount path
 */
public record Mount(StageRuntime stage, boolean stageInPath) {

}
