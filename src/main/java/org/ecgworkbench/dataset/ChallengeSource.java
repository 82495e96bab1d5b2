package org.ecgworkbench.dataset;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The six sources of the CinC 2020 data (plus the 2021 Chapman-Shaoxing/Ningbo), told by the record-name prefix. */
public enum ChallengeSource {
    CPSC("A", "CPSC 2018"),
    CPSC_EXTRA("Q", "CPSC 2018 extra"),
    ST_PETERSBURG("I", "St Petersburg INCART"),
    PTB("S", "PTB"),
    PTB_XL("HR", "PTB-XL"),
    GEORGIA("E", "Georgia"),
    CHAPMAN_NINGBO("JS", "Chapman-Shaoxing / Ningbo"),
    OTHER("other", "other");

    private static final Pattern CHALLENGE_ID = Pattern.compile("(HR|JS|A|Q|I|S|E)\\d+");

    private final String prefix;
    private final String description;

    ChallengeSource(String prefix, String description) {
        this.prefix = prefix;
        this.description = description;
    }

    /** The record-name prefix ("HR"), or "other". */
    public String prefix() {
        return prefix;
    }

    public String description() {
        return description;
    }

    /** The source of a record id such as {@code HR00001}; {@link #OTHER} when the id has no challenge shape. */
    public static ChallengeSource ofRecordId(String id) {
        Matcher m = CHALLENGE_ID.matcher(id);
        if (!m.matches()) return OTHER;
        for (ChallengeSource s : values()) {
            if (s.prefix.equals(m.group(1))) return s;
        }
        return OTHER;
    }
}
