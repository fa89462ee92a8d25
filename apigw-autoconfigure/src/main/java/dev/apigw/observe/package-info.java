@NullMarked
package dev.apigw.observe;

import org.jspecify.annotations.NullMarked;
