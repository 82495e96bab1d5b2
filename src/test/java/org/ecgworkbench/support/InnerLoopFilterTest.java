package org.ecgworkbench.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** {@code mvn test} leaves tagged classes and methods out, but runs whatever is chosen by name. */
class InnerLoopFilterTest {

    @FxTest
    static class ARobotTest {
        @Test
        void clicks() {
        }
    }

    static class SomeSlowCases {
        @Test
        void quick() {
        }

        @SlowTest
        @Test
        void trains() {
        }
    }

    /** The tests the filter lets through, counted in a launcher of its own (no filter registered from services). */
    private static long tests(InnerLoopFilter filter, Class<?> testClass) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass)).filters(filter).build();
        TestPlan plan = LauncherFactory.create(LauncherConfig.builder()
                .enablePostDiscoveryFilterAutoRegistration(false).build()).discover(request);
        return plan.countTestIdentifiers(t -> t.isTest());
    }

    @Test
    void taggedClassesAndMethodsAreLeftOutOfTheInnerLoop() {
        InnerLoopFilter innerLoop = new InnerLoopFilter("fx,slow", "");
        assertThat(tests(innerLoop, ARobotTest.class)).isZero();
        assertThat(tests(innerLoop, SomeSlowCases.class)).isEqualTo(1);
    }

    @Test
    void testsChosenByNameRunTaggedOrNot() {
        InnerLoopFilter chosen = new InnerLoopFilter("fx,slow", "ARobotTest,SomeSlowCases");
        assertThat(tests(chosen, ARobotTest.class)).isEqualTo(1);
        assertThat(tests(chosen, SomeSlowCases.class)).isEqualTo(2);
    }

    @Test
    void anUnsetTestPropertyIsNoChoiceAndNoExcludedTagsLeaveAllIn() {
        assertThat(tests(new InnerLoopFilter("fx,slow", "${test}"), ARobotTest.class)).isZero();
        assertThat(tests(new InnerLoopFilter("", ""), SomeSlowCases.class)).isEqualTo(2);
    }
}
