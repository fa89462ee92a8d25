package dev.apigw.deploy;

import java.util.List;

import dev.apigw.routing.Mount;
import dev.apigw.routing.MountTable;
import dev.apigw.routing.StageRuntime;

/**
 * Everything the gateway routes by at one moment: the mount table and the stages it
 * serves. Replaced as a whole when a stage changes deployment.
 *
 * @param mounts the mount table
 * @param stages the served stages
 */
public record RoutingSnapshot(MountTable<Mount> mounts, List<StageRuntime> stages) {

}
