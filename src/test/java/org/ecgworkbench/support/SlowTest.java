package org.ecgworkbench.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that trains a network, fuzzes a reader, starts a child JVM, sweeps every real record, or otherwise takes
 * several seconds on its own (drawing the synth gallery, running every docs/cli.md example): runs in
 * {@code mvn verify}, not in the inner loop ({@link TestGroups#SLOW}). On a method when only that case is slow.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(TestGroups.SLOW)
public @interface SlowTest {
}
