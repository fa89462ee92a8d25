package dev.apigw.template;

import java.io.IOException;
import java.io.Writer;

import org.apache.velocity.app.event.IncludeEventHandler;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.runtime.Renderable;
import org.jspecify.annotations.Nullable;

/**
 * Decides how every {@code $reference} prints. As on AWS, a reference that resolves to nothing
 * prints as nothing (stock Velocity would print its source, {@code $foo}); other values print
 * through {@link ValueRenderer} within budget. Also refuses {@code #include}/{@code #parse}, which
 * the compiler already rejects.
 */
final class ReferenceHandler implements ReferenceInsertionEventHandler, IncludeEventHandler {

	@Override
	public Object referenceInsert(Context context, String reference, @Nullable Object value) {
		RenderState state = RenderState.current();
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
