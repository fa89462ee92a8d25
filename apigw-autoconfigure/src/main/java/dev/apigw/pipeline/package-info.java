@NullMarked
package dev.apigw.pipeline;

import org.jspecify.annotations.NullMarked;
