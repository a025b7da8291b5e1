package org.hqcm.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hqcm.engine.BadInputException;

/**
 * Table 2 for two runs: mean Jaccard of each run per threshold and a paired Wilcoxon signed-rank test on
 * the per-image values (run A minus run B) over the same tumour images.
 */
public final class JaccardComparison {

    /** One threshold's line. */
    public record Row(double threshold, double meanA, double meanB, WilcoxonSignedRank.Result wilcoxon) {
    }

    private JaccardComparison() {
    }

    /**
     * @throws BadInputException when the runs scored different images or used different thresholds (not the same
     *                           test set or not the same evaluation)
     */
    public static List<Row> compare(AttentionJaccard.Result a, AttentionJaccard.Result b, WilcoxonSignedRank test) {
        if (!Arrays.equals(a.thresholds(), b.thresholds())) {
            throw new BadInputException("the runs used different Jaccard thresholds: " + Arrays.toString(a.thresholds())
                    + " vs " + Arrays.toString(b.thresholds()));
        }
        if (!Arrays.equals(a.imageIndices(), b.imageIndices())) {
            throw new BadInputException("the runs scored different tumour images (" + a.images().size() + " vs "
                    + b.images().size() + "): they were not evaluated on the same test set");
        }
        if (a.images().isEmpty()) {
            throw new BadInputException("no tumour image in the test set: there is no attention Jaccard to compare");
        }
        List<Row> rows = new ArrayList<>();
        double[] t = a.thresholds();
        for (int i = 0; i < t.length; i++) {
            rows.add(new Row(t[i], a.means()[i], b.means()[i], test.test(a.valuesAt(i), b.valuesAt(i))));
        }
        return List.copyOf(rows);
    }
}
