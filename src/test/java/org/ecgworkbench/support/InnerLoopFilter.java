package org.ecgworkbench.support;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Leaves the tests tagged {@link FxTest} or {@link SlowTest} out of {@code mvn test} (the inner loop), unless
 * tests are chosen by name ({@code -Dtest=...}): then every chosen test runs, tagged or not. Surefire's own
 * {@code excludedGroups} would silently run nothing for {@code -Dtest=SomeAppTest}. Registered through
 * META-INF/services; pom.xml sets {@code ecg.test.excludedTags} and {@code ecg.test.chosen} for the fast execution.
 */
public final class InnerLoopFilter implements PostDiscoveryFilter {
    static final String EXCLUDED_TAGS = "ecg.test.excludedTags";
    static final String CHOSEN = "ecg.test.chosen";

    private final Set<String> excluded;

    public InnerLoopFilter() {
        this(System.getProperty(EXCLUDED_TAGS, ""), System.getProperty(CHOSEN, ""));
    }

    InnerLoopFilter(String excludedTags, String chosenTests) {
        // An unset -Dtest reaches the fork as "" or as the unresolved "${test}".
        boolean chosen = !chosenTests.isBlank() && !chosenTests.startsWith("${");
        excluded = chosen ? Set.of() : Arrays.stream(excludedTags.split(","))
                .map(String::trim).filter(t -> !t.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        // A method's tags include its class's (Jupiter), so a tagged class or method is left out alone.
        for (TestTag tag : descriptor.getTags()) {
            if (excluded.contains(tag.getName())) return FilterResult.excluded("tagged " + tag.getName() + ": runs in mvn verify");
        }
        return FilterResult.included("not a slow group");
    }
}
