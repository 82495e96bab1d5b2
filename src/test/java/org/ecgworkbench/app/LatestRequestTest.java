package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestRequestTest {

    @Test
    void onlyTheLatestRequestsAnswerIsUsedWhateverOrderTheAnswersArriveIn() {
        LatestRequest requests = new LatestRequest();
        List<String> used = new ArrayList<>();
        LatestRequest.Ticket first = requests.next();
        LatestRequest.Ticket second = requests.next();
        // The newer answer arrives first, the older one after it: only the newer is used.
        second.<String>ifLatest(used::add).accept("second");
        first.<String>ifLatest(used::add).accept("first");
        assertThat(used).containsExactly("second");
        assertThat(first.isLatest()).isFalse();
        assertThat(second.isLatest()).isTrue();
        assertThat(second.isNewerThan(first)).isTrue();
        assertThat(first.isNewerThan(second)).isFalse();
        assertThat(first.isNewerThan(null)).isTrue();
    }

    @Test
    void droppingAllMakesEveryAnswerSoFarStale() {
        LatestRequest requests = new LatestRequest();
        List<String> used = new ArrayList<>();
        LatestRequest.Ticket asked = requests.next();
        requests.dropAll();
        asked.<String>ifLatest(used::add).accept("cancelled");
        assertThat(used).isEmpty();
        assertThat(asked.isLatest()).isFalse();
        LatestRequest.Ticket again = requests.next();
        again.<String>ifLatest(used::add).accept("again");
        assertThat(used).containsExactly("again");
    }
}
