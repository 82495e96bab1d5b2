package org.ecgworkbench.synth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The diagnoses of one synthetic record: a set of {@link SynthClass}es that can hold together.
 * Two classes conflict when they share a {@link SynthClass.Group} (two rhythms, two axes, ...)
 * or when one makes the other meaningless: atrial fibrillation and flutter have no conducted P
 * wave, so no PR interval and no atrial premature beat; a paced ventricle has its own QRS, T,
 * QT and voltage, so no bundle-branch block, T-wave or voltage finding, and no AV conduction;
 * LBBB's leftward forces keep lead I upright, so no right axis deviation with it. Bradycardia
 * is a rate, not a rhythm: it goes with atrial fibrillation (slow ventricular response) or with
 * no rhythm label (then the rhythm is sinus), never with another rhythm class.
 *
 * @param classes the classes, never empty
 */
public record ClassSet(Set<SynthClass> classes) {

    public ClassSet {
        if (classes.isEmpty()) throw new IllegalArgumentException("a record needs at least one class");
        classes = Set.copyOf(EnumSet.copyOf(classes));
        conflict(classes).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
    }

    public static ClassSet of(SynthClass first, SynthClass... more) {
        return new ClassSet(EnumSet.of(first, more));
    }

    /**
     * Parses {@code AF+RBBB}: abbreviations joined with '+'.
     *
     * @throws IllegalArgumentException naming an unknown class or the first conflicting pair
     */
    public static ClassSet parse(String text) {
        EnumSet<SynthClass> set = EnumSet.noneOf(SynthClass.class);
        for (String part : text.split("\\+", -1)) {
            if (part.isBlank()) throw new IllegalArgumentException("empty class name in '" + text + "'");
            SynthClass c = SynthClass.parse(part).orElseThrow(() -> new IllegalArgumentException(
                    "unknown class '" + part.strip() + "' (known: " + SynthClass.names() + ")"));
            set.add(c);
        }
        return new ClassSet(set);
    }

    /** The classes in declaration order (rhythm first). */
    public List<SynthClass> ordered() {
        return List.copyOf(EnumSet.copyOf(classes));
    }

    public boolean has(SynthClass c) {
        return classes.contains(c);
    }

    public boolean hasAny(SynthClass... cs) {
        for (SynthClass c : cs) {
            if (classes.contains(c)) return true;
        }
        return false;
    }

    /**
     * The shortest record that holds these classes: 1.5 s when it needs premature beats of both
     * kinds (one of each must fit inside it), otherwise the 1 s every record may have.
     */
    public double minimumDurationSeconds() {
        boolean ventricular = hasAny(SynthClass.PVC, SynthClass.VPB);
        boolean atrial = hasAny(SynthClass.PAC, SynthClass.SVPB);
        return ventricular && atrial ? BOTH_ECTOPY_MIN_SECONDS : SynthesisSettings.MIN_DURATION;
    }

    /** See {@link #minimumDurationSeconds()}. */
    public static final double BOTH_ECTOPY_MIN_SECONDS = 1.5;

    /**
     * The documented rule for drawn sets too long for a record: a record shorter than 1.5 s that
     * drew both kinds of premature beat keeps the ventricular one.
     */
    ClassSet fittedTo(double durationSeconds) {
        if (durationSeconds >= minimumDurationSeconds()) return this;
        EnumSet<SynthClass> kept = EnumSet.copyOf(classes);
        kept.removeIf(c -> c.group() == SynthClass.Group.ATRIAL_ECTOPY);
        return new ClassSet(kept);
    }

    /** The SNOMED CT codes for the header's {@code #Dx}, in declaration order. */
    public List<String> snomedCodes() {
        return ordered().stream().map(SynthClass::snomedCode).toList();
    }

    /** '+'-joined abbreviations, e.g. {@code AF+RBBB}. */
    @Override
    public String toString() {
        return String.join("+", ordered().stream().map(SynthClass::abbreviation).toList());
    }

    /** Why two classes cannot share a record, or empty when they can. */
    public static Optional<String> conflict(SynthClass a, SynthClass b) {
        if (a == b) return Optional.empty();
        if (a.group() == b.group()) {
            return Optional.of(a + " and " + b + " cannot be combined: both set the "
                    + a.group().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        for (SynthClass[] pair : new SynthClass[][] {{a, b}, {b, a}}) {
            SynthClass x = pair[0];
            SynthClass y = pair[1];
            if ((x == SynthClass.AF || x == SynthClass.AFL)
                    && (y.group() == SynthClass.Group.AV_CONDUCTION || y.group() == SynthClass.Group.ATRIAL_ECTOPY)) {
                return Optional.of(x + " and " + y + " cannot be combined: " + x + " has no conducted P wave");
            }
            if (x == SynthClass.BRADY && y.group() == SynthClass.Group.RHYTHM && y != SynthClass.AF) {
                return Optional.of(x + " and " + y + " cannot be combined: " + y + " sets its own rate"
                        + (y == SynthClass.SB ? " (SB is already a bradycardia)" : ""));
            }
            if (x == SynthClass.LBBB && y == SynthClass.RAD) {
                return Optional.of("LBBB and RAD cannot be combined: LBBB needs an upright R in I and aVL");
            }
            if (x == SynthClass.PACED && PACED_EXCLUDES.contains(y.group())) {
                return Optional.of(x + " (pacing) and " + y + " cannot be combined: the paced ventricle sets its own "
                        + "QRS, T wave and conduction");
            }
        }
        return Optional.empty();
    }

    private static final Set<SynthClass.Group> PACED_EXCLUDES = EnumSet.of(SynthClass.Group.AV_CONDUCTION,
            SynthClass.Group.VENTRICULAR_CONDUCTION, SynthClass.Group.ATRIAL_ECTOPY, SynthClass.Group.T_WAVE,
            SynthClass.Group.QT, SynthClass.Group.VOLTAGE);

    /** The first conflict in a collection of classes (declaration order), if any. */
    public static Optional<String> conflict(Collection<SynthClass> classes) {
        if (classes.isEmpty()) return Optional.empty();
        List<SynthClass> list = new ArrayList<>(EnumSet.copyOf(classes));
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                Optional<String> c = conflict(list.get(i), list.get(j));
                if (c.isPresent()) return c;
            }
        }
        return Optional.empty();
    }

    /**
     * The documented resolution for drawn (not user-given) sets: classes are kept in declaration
     * order, rhythm first, and a class conflicting with one already kept is dropped.
     */
    static Optional<ClassSet> resolve(Collection<SynthClass> drawn) {
        if (drawn.isEmpty()) return Optional.empty();
        EnumSet<SynthClass> kept = EnumSet.noneOf(SynthClass.class);
        for (SynthClass c : EnumSet.copyOf(drawn)) {
            if (kept.stream().noneMatch(k -> conflict(k, c).isPresent())) kept.add(c);
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(new ClassSet(kept));
    }
}
