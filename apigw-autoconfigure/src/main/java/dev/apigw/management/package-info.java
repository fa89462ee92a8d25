/**
 * AWS API Gateway's management API (the REST API control plane) served by the gateway
 * itself: SigV4-authenticated, authorized by the caller's IAM-style policies, answering with
 * AWS's paths, JSON shapes and errors so that the AWS CLI and SDKs manage apigw.
 */
@NullMarked
package dev.apigw.management;

import org.jspecify.annotations.NullMarked;
