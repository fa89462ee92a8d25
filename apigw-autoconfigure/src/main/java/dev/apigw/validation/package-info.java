/**
 * Request validation: required request parameters and request bodies against the method's
 * models (JSON schema draft 4), as AWS API Gateway's request validators check them.
 */
@NullMarked
package dev.apigw.validation;

import org.jspecify.annotations.NullMarked;
