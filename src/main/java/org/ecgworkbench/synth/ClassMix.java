package org.ecgworkbench.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which classes record number {@code index} of a dataset gets. Deterministic for (seed, index). */
public sealed interface ClassMix {

    ClassSet classesFor(long index, SplitMix64 random);

    /** The given class sets in turn (record i gets set i mod k), so each set gets the same share. */
    static ClassMix listed(List<ClassSet> sets) {
        return new Listed(sets);
    }

    /** Every class in turn, one class per record. */
    static ClassMix balanced() {
        return new Listed(Arrays.stream(SynthClass.values()).map(ClassSet::of).toList());
    }

    /** Class sets drawn with the CinC 2020 training data's prevalences ({@link ChallengePrevalence}). */
    static ClassMix realistic() {
        return new Realistic(ChallengePrevalence.fractions());
    }

    /** Round robin over fixed sets. */
    record Listed(List<ClassSet> sets) implements ClassMix {
        public Listed {
            sets = List.copyOf(sets);
            if (sets.isEmpty()) throw new IllegalArgumentException("no classes listed");
        }

        @Override
        public ClassSet classesFor(long index, SplitMix64 random) {
            return sets.get((int) Math.floorMod(index, (long) sets.size()));
        }
    }

    /**
     * One categorical draw per {@link SynthClass.Group}: member m with probability
     * (records with m) / 43,101, otherwise none. Cross-group conflicts are resolved by
     * {@link ClassSet#resolve} (the rhythm wins); an empty draw is drawn again.
     */
    record Realistic(Map<SynthClass, Double> fractions) implements ClassMix {
        public Realistic {
            fractions = Map.copyOf(fractions);
        }

        @Override
        public ClassSet classesFor(long index, SplitMix64 random) {
            for (int attempt = 0; attempt < 1000; attempt++) {
                List<SynthClass> drawn = new ArrayList<>();
                for (SynthClass.Group g : SynthClass.Group.values()) {
                    double u = random.nextDouble();
                    double cumulative = 0;
                    for (SynthClass c : SynthClass.values()) {
                        if (c.group() != g) continue;
                        cumulative += fractions.getOrDefault(c, 0.0);
                        if (u < cumulative) {
                            drawn.add(c);
                            break;
                        }
                    }
                }
                Optional<ClassSet> set = ClassSet.resolve(drawn.isEmpty() ? EnumSet.noneOf(SynthClass.class) : EnumSet.copyOf(drawn));
                if (set.isPresent()) return set.get();
            }
            return ClassSet.of(SynthClass.NSR);
        }
    }
}
