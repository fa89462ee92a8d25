@NullMarked
package dev.apigw.routing;

import org.jspecify.annotations.NullMarked;
