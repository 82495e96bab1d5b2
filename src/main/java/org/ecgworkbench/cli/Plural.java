package org.ecgworkbench.cli;

import java.util.Locale;

/** "1 record", "2 records": a count with its noun, so no output says "1 records". */
final class Plural {
    private Plural() {
    }

    /** The count and the noun, with an "s" unless the count is one (every noun the commands count takes an "s"). */
    static String of(long count, String noun) {
        return String.format(Locale.ROOT, "%d %s", count, count == 1 ? noun : noun + "s");
    }
}
