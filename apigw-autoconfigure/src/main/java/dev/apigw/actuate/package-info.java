@NullMarked
package dev.apigw.actuate;

import org.jspecify.annotations.NullMarked;
