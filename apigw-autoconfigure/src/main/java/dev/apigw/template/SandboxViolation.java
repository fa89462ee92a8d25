package dev.apigw.template;

/**
 * Thrown inside a render when the template breaks a sandbox rule or a budget. Velocity may wrap it
 * (for example in a {@code MethodInvocationException}); {@link MappingTemplate} unwraps it and, as
 * the violation is also remembered by {@link RenderState}, reports it even if Velocity swallowed it.
 */
final class SandboxViolation extends RuntimeException {

	private static final long serialVersionUID = 1L;

	SandboxViolation(String message) {
		super(message, null, false, false);
	}

}
