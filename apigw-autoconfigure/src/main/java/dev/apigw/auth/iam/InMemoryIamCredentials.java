package dev.apigw.auth.iam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * An {@link IamCredentialsRepository} over a fixed list, for tests, samples and small
 * deployments.
 */
public final class InMemoryIamCredentials implements IamCredentialsRepository {

	private final Map<String, IamCredentials> byAccessKey = new LinkedHashMap<>();

	/**
	 * Creates the repository.
	 * @param credentials the credentials
	 */
	public InMemoryIamCredentials(List<IamCredentials> credentials) {
		credentials.forEach((entry) -> this.byAccessKey.put(entry.accessKeyId(), entry));
	}

	/**
	 * Creates the repository.
	 * @param credentials the credentials
	 */
	public InMemoryIamCredentials(IamCredentials... credentials) {
		this(List.of(credentials));
	}

	@Override
	public Mono<IamCredentials> findByAccessKeyId(String accessKeyId) {
		return Mono.justOrEmpty(this.byAccessKey.get(accessKeyId));
	}

}
