package dev.apigw.auth.iam;

import reactor.core.publisher.Mono;

/**
 * Finds the credentials of an access key, for verifying Signature Version 4 requests to
 * {@code AWS_IAM} methods. Declare a bean of this type to enable IAM authorization; look
 * keys up wherever they live (the lookup may be reactive; a blocking one must move itself
 * off the event loop).
 */
@FunctionalInterface
public interface IamCredentialsRepository {

	/**
	 * Finds credentials.
	 * @param accessKeyId the access key id from the request's credential scope
	 * @return the credentials, or empty when the key is unknown
	 */
	Mono<IamCredentials> findByAccessKeyId(String accessKeyId);

}
