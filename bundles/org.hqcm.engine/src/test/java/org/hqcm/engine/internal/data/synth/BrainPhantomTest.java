package org.hqcm.engine.internal.data.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.hqcm.engine.internal.data.Preprocessing;
import org.hqcm.engine.internal.data.TumourClass;
import org.junit.jupiter.api.Test;

class BrainPhantomTest {
    private static final int SIZE = 48;
    private static final int PER_CLASS = 40;

    @Test
    void theSameSeedGivesTheSameSliceAndAnotherSeedAnother() {
        BrainPhantom p = new BrainPhantom(SIZE, 0.3);
        for (TumourClass c : TumourClass.values()) {
            PhantomSlice a = p.generate(c, BrainPhantom.imageSeed(7, c, 3));
            PhantomSlice b = new BrainPhantom(SIZE, 0.3).generate(c, BrainPhantom.imageSeed(7, c, 3));
            assertArrayEquals(a.image(), b.image());
            assertArrayEquals(a.mask(), b.mask());
            PhantomSlice other = p.generate(c, BrainPhantom.imageSeed(8, c, 3));
            assertFalse(Arrays.equals(a.image(), other.image()), c.toString());
        }
    }

    @Test
    void tumourClassesHaveAMaskInsideTheHeadAndHealthyNone() {
        BrainPhantom p = new BrainPhantom(SIZE, 0.3);
        for (TumourClass c : TumourClass.values()) {
            for (int i = 0; i < 10; i++) {
                PhantomSlice s = p.generate(c, BrainPhantom.imageSeed(1, c, i));
                int count = 0;
                for (int k = 0; k < s.mask().length; k++) {
                    if (s.mask()[k] != 0) {
                        count++;
                        assertTrue(s.image()[k] > 0.05f, "a tumour pixel lies inside the head, not in the background");
                    }
                }
                if (c == TumourClass.HEALTHY) {
                    assertEquals(0, count);
                } else {
                    assertTrue(count > 0, c + " " + i + " has a tumour");
                    assertTrue(count < SIZE * SIZE / 8, c + " " + i + " tumour is a lesion, not the head");
                }
            }
        }
    }

    @Test
    void meanIntensityAloneDoesNotTellTheClasses() {
        double[][] means = globalMeans();
        // class means of the global mean intensity differ by less than the spread within classes
        double[] classMean = new double[4];
        double pooledVar = 0;
        for (int c = 0; c < 4; c++) {
            classMean[c] = Arrays.stream(means[c]).average().orElseThrow();
            for (double m : means[c]) {
                pooledVar += (m - classMean[c]) * (m - classMean[c]);
            }
        }
        double pooledSd = Math.sqrt(pooledVar / (4 * PER_CLASS - 4));
        for (int a = 0; a < 4; a++) {
            for (int b = a + 1; b < 4; b++) {
                assertTrue(Math.abs(classMean[a] - classMean[b]) < pooledSd,
                        "classes " + a + " and " + b + ": means " + classMean[a] + ", " + classMean[b] + ", sd " + pooledSd);
            }
        }
        // nearest class centroid on mean intensity, fitted on even images, scored on odd ones: near chance (0.25)
        int right = 0;
        int total = 0;
        double[] centroid = new double[4];
        for (int c = 0; c < 4; c++) {
            double sum = 0;
            for (int i = 0; i < PER_CLASS; i += 2) {
                sum += means[c][i];
            }
            centroid[c] = sum / (PER_CLASS / 2.0);
        }
        for (int c = 0; c < 4; c++) {
            for (int i = 1; i < PER_CLASS; i += 2) {
                int best = 0;
                for (int k = 1; k < 4; k++) {
                    if (Math.abs(means[c][i] - centroid[k]) < Math.abs(means[c][i] - centroid[best])) {
                        best = k;
                    }
                }
                right += best == c ? 1 : 0;
                total++;
            }
        }
        double accuracy = (double) right / total;
        assertTrue(accuracy < 0.45, "nearest-centroid accuracy on mean intensity " + accuracy);
    }

    @Test
    void tumoursAreNotAtAFixedPixelPosition() {
        BrainPhantom p = new BrainPhantom(SIZE, 0.3);
        for (TumourClass c : new TumourClass[] {TumourClass.MENINGIOMA, TumourClass.GLIOMA, TumourClass.PITUITARY}) {
            double[] xs = new double[20];
            double[] ys = new double[20];
            for (int i = 0; i < 20; i++) {
                PhantomSlice s = p.generate(c, BrainPhantom.imageSeed(3, c, i));
                double sx = 0;
                double sy = 0;
                int n = 0;
                for (int k = 0; k < s.mask().length; k++) {
                    if (s.mask()[k] != 0) {
                        sx += k % SIZE;
                        sy += k / SIZE;
                        n++;
                    }
                }
                xs[i] = sx / n;
                ys[i] = sy / n;
            }
            double spread = Math.sqrt(variance(xs) + variance(ys));
            assertTrue(spread > 2.0, c + " tumour centroids spread only " + spread + " px");
        }
    }

    @Test
    void higherDifficultyLowersTumourContrast() {
        double easy = tumourContrast(0.0);
        double hard = tumourContrast(1.0);
        assertTrue(hard < 0.7 * easy, "contrast easy " + easy + ", hard " + hard);
    }

    /** Mean |tumour - its 3-pixel surround| over meningiomas, in min-max scaled units. */
    private static double tumourContrast(double difficulty) {
        BrainPhantom p = new BrainPhantom(SIZE, difficulty);
        double sum = 0;
        int n = 20;
        for (int i = 0; i < n; i++) {
            PhantomSlice s = p.generate(TumourClass.MENINGIOMA, BrainPhantom.imageSeed(5, TumourClass.MENINGIOMA, i));
            float[] img = s.image().clone();
            Preprocessing.minMaxScaleInPlace(img);
            double in = 0;
            int nin = 0;
            double ring = 0;
            int nring = 0;
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    int k = y * SIZE + x;
                    if (s.mask()[k] != 0) {
                        in += img[k];
                        nin++;
                    } else if (near(s.mask(), x, y, 3) && img[k] > 0.2f) {
                        ring += img[k];
                        nring++;
                    }
                }
            }
            sum += Math.abs(in / nin - ring / Math.max(1, nring));
        }
        return sum / n;
    }

    private static boolean near(byte[] mask, int x, int y, int r) {
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                int xx = x + dx;
                int yy = y + dy;
                if (xx >= 0 && yy >= 0 && xx < SIZE && yy < SIZE && mask[yy * SIZE + xx] != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double[][] globalMeans() {
        BrainPhantom p = new BrainPhantom(SIZE, 0.3);
        double[][] means = new double[4][PER_CLASS];
        for (TumourClass c : TumourClass.values()) {
            for (int i = 0; i < PER_CLASS; i++) {
                float[] img = p.generate(c, BrainPhantom.imageSeed(11, c, i)).image().clone();
                Preprocessing.minMaxScaleInPlace(img);
                double sum = 0;
                for (float v : img) {
                    sum += v;
                }
                means[c.label()][i] = sum / img.length;
            }
        }
        return means;
    }

    private static double variance(double[] v) {
        double m = Arrays.stream(v).average().orElseThrow();
        return Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1);
    }
}
