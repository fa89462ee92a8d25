@NullMarked
package dev.apigw.definition;

import org.jspecify.annotations.NullMarked;
