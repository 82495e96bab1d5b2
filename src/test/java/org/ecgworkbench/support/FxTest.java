package org.ecgworkbench.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/** A TestFX test or a screenshot: runs in {@code mvn verify}, not in the inner loop ({@link TestGroups#FX}). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(TestGroups.FX)
public @interface FxTest {
}
