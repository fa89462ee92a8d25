/**
 * OpenAPI 3.0/3.1 and Swagger 2.0 import and export with AWS's
 * {@code x-amazon-apigateway-*} extensions. Needs {@code io.swagger.parser.v3:swagger-parser}
 * (and with it Jackson 2 with its YAML data format) on the class path.
 */
@NullMarked
package dev.apigw.definition.openapi;

import org.jspecify.annotations.NullMarked;
