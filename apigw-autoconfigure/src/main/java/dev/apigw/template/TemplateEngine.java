package dev.apigw.template;

import java.io.Reader;
import java.io.StringReader;
import java.util.function.LongSupplier;

import org.apache.velocity.Template;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.Token;
import org.apache.velocity.runtime.parser.node.SimpleNode;
import org.apache.velocity.runtime.resource.Resource;
import org.apache.velocity.runtime.resource.loader.ResourceLoader;
import org.apache.velocity.util.ExtProperties;
import org.jspecify.annotations.Nullable;

/**
 * Compiles AWS API Gateway mapping templates (Velocity Template Language with {@code $input},
 * {@code $util}, {@code $context} and {@code $stageVariables}) into reusable
 * {@link MappingTemplate}s. One engine per application; it is thread-safe.
 *
 * <p>Templates run in a sandbox: they can call only a short list of methods on strings, numbers,
 * maps and lists, cannot reach classes, files or other resources, and every render is held to the
 * engine's {@link TemplateLimits}.
 */
public final class TemplateEngine {

	private final RuntimeInstance velocity;

	private final TemplateLimits limits;

	private final LongSupplier nanoClock;

	private final @Nullable RenderHook hook;

	/** An engine with {@link TemplateLimits#defaults()}. */
	public TemplateEngine() {
		this(TemplateLimits.defaults());
	}

	/** @param limits the budgets every render is held to */
	public TemplateEngine(TemplateLimits limits) {
		this(limits, System::nanoTime);
	}

	/** For tests: a clock that can be moved instead of waited for. */
	TemplateEngine(TemplateLimits limits, LongSupplier nanoClock) {
		this(limits, nanoClock, null);
	}

	/** For tests: a hook every render of this engine's templates calls first. */
	TemplateEngine(TemplateLimits limits, LongSupplier nanoClock, @Nullable RenderHook hook) {
		this.limits = limits;
		this.nanoClock = nanoClock;
		this.hook = hook;
		this.velocity = createRuntime(limits);
	}

	/**
	 * Parses a template once; the result renders any number of inputs, concurrently.
	 * @param name what errors call the template, e.g. {@code "POST /pets application/json"}
	 * @param source the VTL source
	 * @return the compiled template
	 * @throws TemplateException on a syntax error (the message names the template, line and
	 * column) or a directive templates may not use ({@code #include}, {@code #parse},
	 * {@code #evaluate})
	 */
	public MappingTemplate compile(String name, String source) {
		try {
			return doCompile(name, source);
		}
		catch (StackOverflowError ex) {
			throw new TemplateException("Mapping template '" + name + "' nests too deeply to be compiled");
		}
	}

	private MappingTemplate doCompile(String name, String source) {
		Template template = new Template();
		template.setName(name);
		template.setRuntimeServices(this.velocity);
		SimpleNode root;
		try {
			root = this.velocity.parse(new StringReader(source), template);
		}
		catch (ParseException ex) {
			throw syntaxError(name, ex);
		}
		catch (VelocityException ex) {
			throw new TemplateException("Mapping template '" + name + "' cannot be compiled: " + ex.getMessage(), ex);
		}
		AstHardener.harden(root, name);
		template.setData(root);
		try {
			template.initDocument();
		}
		catch (VelocityException ex) {
			throw new TemplateException("Mapping template '" + name + "' cannot be compiled: " + ex.getMessage(), ex);
		}
		return new MappingTemplate(name, template, this.limits, this.nanoClock, this.hook);
	}

	private static TemplateException syntaxError(String name, ParseException ex) {
		Token token = ex.currentToken;
		Token at = (token != null && token.next != null) ? token.next : token;
		String where = (at != null) ? " at line " + at.beginLine + ", column " + at.beginColumn : "";
		String detail = String.valueOf(ex.getMessage()).lines().findFirst().orElse("");
		return new TemplateException("Mapping template '" + name + "' has a syntax error" + where + ": " + detail, ex);
	}

	private static RuntimeInstance createRuntime(TemplateLimits limits) {
		RuntimeInstance velocity = new RuntimeInstance();
		velocity.setProperty(RuntimeConstants.RUNTIME_LOG_INSTANCE, new VelocityLog());
		velocity.setProperty(RuntimeConstants.RESOURCE_LOADERS, "none");
		velocity.setProperty("resource.loader.none.instance", new NoResources());
		velocity.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, Sandbox.Uberspector.class.getName());
		// Velocity 1.7 (which AWS runs) did not convert method arguments; no implicit toString() either
		velocity.setProperty(RuntimeConstants.CONVERSION_HANDLER_CLASS, "none");
		// Velocity 1.7's whitespace handling and truthiness: #if("") is true
		velocity.setProperty(RuntimeConstants.SPACE_GOBBLING, "bc");
		velocity.setProperty(RuntimeConstants.CHECK_EMPTY_OBJECTS, false);
		// a macro belongs to the template defining it, never to all templates of the application
		velocity.setProperty("velocimacro.inline.local_scope", true);
		velocity.setProperty(RuntimeConstants.VM_MAX_DEPTH, limits.maxMacroDepth());
		velocity.setProperty("directive.define.max_depth", limits.maxMacroDepth() + 1);
		velocity.setProperty(RuntimeConstants.RUNTIME_STRING_INTERNING, false);
		velocity.setProperty("runtime.log.log_invalid_references", false);
		velocity.init();
		ReferenceHandler references = new ReferenceHandler();
		velocity.getApplicationEventCartridge().addReferenceInsertionEventHandler(references);
		velocity.getApplicationEventCartridge().addIncludeEventHandler(references);
		velocity.getApplicationEventCartridge().addInvalidReferenceEventHandler(references);
		return velocity;
	}

	/** The resource loader: there are no resources. */
	private static final class NoResources extends ResourceLoader {

		@Override
		public void init(ExtProperties configuration) {
		}

		@Override
		public Reader getResourceReader(String source, String encoding) {
			throw new ResourceNotFoundException("mapping templates cannot load resources: " + source);
		}

		@Override
		public boolean isSourceModified(Resource resource) {
			return false;
		}

		@Override
		public long getLastModified(Resource resource) {
			return 0;
		}

	}

}
