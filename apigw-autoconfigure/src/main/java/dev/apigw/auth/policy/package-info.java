/**
 * The IAM-style policy language the gateway evaluates: Lambda authorizer policies, IAM
 * identity policies and resource policies, all over {@code execute-api:Invoke} and
 * {@code arn:aws:execute-api:...} resources, with one evaluator (explicit Deny wins).
 */
@NullMarked
package dev.apigw.auth.policy;

import org.jspecify.annotations.NullMarked;
