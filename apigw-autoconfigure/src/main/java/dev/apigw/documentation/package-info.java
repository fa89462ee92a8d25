/**
 * API documentation: the descriptions and summaries of a definition, documentation versions
 * kept as history and selectable per stage and per export, exports of deployed stages
 * through the actuator endpoint, and the optional Swagger UI page.
 */
@NullMarked
package dev.apigw.documentation;

import org.jspecify.annotations.NullMarked;
