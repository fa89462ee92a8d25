@NullMarked
package dev.apigw.deploy;

import org.jspecify.annotations.NullMarked;
