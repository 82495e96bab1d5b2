package org.ecgworkbench.support;

/**
 * The JUnit tags that split the suite: {@code mvn test} runs the untagged tests (the inner loop, a few
 * minutes), {@code mvn verify} runs these groups as well, in a second Surefire execution (pom.xml).
 * Tag a test with {@link FxTest} or {@link SlowTest} rather than with these strings.
 */
public final class TestGroups {
    /** TestFX tests and screenshots: the workbench on Monocle, driven by a robot. */
    public static final String FX = "fx";
    /** Training, fuzzing, child JVMs, sweeps over every real record, and other single tests of several seconds. */
    public static final String SLOW = "slow";

    private TestGroups() {
    }
}
