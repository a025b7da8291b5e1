package org.hqcm.engine.internal.data;

/**
 * Indices into a sample list, per split, each ascending.
 */
public record Split(int[] train, int[] validation, int[] test) {

    public Split {
        train = train.clone();
        validation = validation.clone();
        test = test.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    /** Split {@code k}: 0 train, 1 validation, 2 test. */
    public int[] part(int k) {
        return switch (k) {
            case 0 -> train();
            case 1 -> validation();
            case 2 -> test();
            default -> throw new IllegalArgumentException("split index " + k + ", expected 0, 1 or 2");
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && java.util.Arrays.equals(train, s.train)
                && java.util.Arrays.equals(validation, s.validation) && java.util.Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(train) * 31 * 31 + java.util.Arrays.hashCode(validation) * 31
                + java.util.Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "Split[train=" + train.length + ", validation=" + validation.length + ", test=" + test.length + "]";
    }
}
