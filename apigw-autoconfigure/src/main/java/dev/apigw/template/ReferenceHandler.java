package dev.apigw.template;

import java.io.IOException;
import java.io.Writer;

import org.apache.velocity.app.event.IncludeEventHandler;
import org.apache.velocity.app.event.InvalidReferenceEventHandler;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.runtime.Renderable;
import org.apache.velocity.util.introspection.Info;
import org.jspecify.annotations.Nullable;

/**
 * Decides how every {@code $reference} prints. As on AWS, a reference that resolves to nothing
 * prints as nothing (stock Velocity would print its source, {@code $foo}); other values print
 * through {@link ValueRenderer} within budget. Also notes a {@code #set} whose value is
 * {@code null}, which Velocity 1.7 (and so AWS) does not carry out, and refuses
 * {@code #include}/{@code #parse}, which the compiler already rejects.
 */
final class ReferenceHandler
		implements ReferenceInsertionEventHandler, InvalidReferenceEventHandler, IncludeEventHandler {

	@Override
	public Object referenceInsert(Context context, String reference, @Nullable Object value) {
		RenderState state = RenderContext.stateOf(context);
		if (value instanceof String text) {
			if (state != null) {
				state.allocate(text.length());
			}
			return text;
		}
		if (value instanceof Renderable renderable) {
			return new DepthGuard(renderable);
		}
		if (state != null) {
			state.tick();
		}
		return ValueRenderer.render(value);
	}

	/** Velocity calls this just before it assigns {@code null} in a {@code #set}. */
	@Override
	public boolean invalidSetMethod(Context context, String leftReference, @Nullable String rightReference,
			Info info) {
		RenderState state = RenderContext.stateOf(context);
		if (state != null) {
			state.skipNullSet(leftReference);
		}
		return false;
	}

	@Override
	public @Nullable Object invalidGetMethod(Context context, String reference, @Nullable Object object,
			@Nullable String property, Info info) {
		return null;
	}

	@Override
	public @Nullable Object invalidMethod(Context context, String reference, @Nullable Object object, String method,
			Info info) {
		return null;
	}

	@Override
	public @Nullable String includeEvent(Context context, String includeResourcePath, String currentResourcePath,
			String directiveName) {
		return null;
	}

	/** A {@code #define} block being printed: counts how deeply such blocks nest. */
	private record DepthGuard(Renderable renderable) implements Renderable {

		@Override
		public boolean render(InternalContextAdapter context, Writer writer) throws IOException {
			RenderState state = RenderState.current();
			if (state == null) {
				return this.renderable.render(context, writer);
			}
			state.enterBlock();
			try {
				return this.renderable.render(context, writer);
			}
			finally {
				state.exitBlock();
			}
		}

		@Override
		public String toString() {
			return "";
		}

	}

}
