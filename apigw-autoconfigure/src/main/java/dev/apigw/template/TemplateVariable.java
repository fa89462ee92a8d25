package dev.apigw.template;

/** Marks the engine's own template variables ({@code $input}, {@code $util}); they print as nothing. */
interface TemplateVariable {

}
