@NullMarked
package dev.apigw.template;

import org.jspecify.annotations.NullMarked;
