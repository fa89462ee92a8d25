package dev.apigw.management;

/**
 * An error of the management API, answered as AWS's service endpoints answer: the status,
 * the error type in {@code x-amzn-ErrorType} and {@code {"message": ...}}. Carries no stack
 * trace: it is an answer, not a fault.
 */
final class ManagementError extends RuntimeException {

	private final int status;

	private final String type;

	ManagementError(int status, String type, String message) {
		super(message, null, false, false);
		this.status = status;
		this.type = type;
	}

	static ManagementError notFound(String message) {
		return new ManagementError(404, "NotFoundException", message);
	}

	static ManagementError badRequest(String message) {
		return new ManagementError(400, "BadRequestException", message);
	}

	static ManagementError conflict(String message) {
		return new ManagementError(409, "ConflictException", message);
	}

	static ManagementError accessDenied(String message) {
		return new ManagementError(403, "AccessDeniedException", message);
	}

	static ManagementError tooLarge(String message) {
		return new ManagementError(413, "PayloadTooLargeException", message);
	}

	int status() {
		return this.status;
	}

	String type() {
		return this.type;
	}

}
