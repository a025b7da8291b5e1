package org.hqcm.engine.internal.train;

import java.util.List;

import org.hqcm.engine.internal.data.Augmenter;
import org.hqcm.engine.internal.data.Sample;
import org.hqcm.engine.internal.nn.loss.MaskGrid;

/**
 * Network input for one batch, in buffers reused from batch to batch: images N x S x S, masks on the attention grid
 * (N x h x w, max-pooled so any tumour pixel marks its cell), labels.
 */
final class Batch {

    final int size;
    final int gridFactor;
    final float[] images;
    final float[] fullMasks;
    final int[] labels;
    int n;
    float[] masks;

    Batch(int capacity, int size, int gridFactor) {
        this.size = size;
        this.gridFactor = gridFactor;
        this.images = new float[capacity * size * size];
        this.fullMasks = new float[capacity * size * size];
        this.labels = new int[capacity];
    }

    /**
     * Fills the batch with {@code samples[order[from..to)]}; with an augmenter each sample gets the transform keyed by
     * {@code keyBase + sample index}, so an epoch's augmentation does not depend on what ran before it (resume).
     */
    void fill(List<Sample> samples, int[] order, int from, int to, Augmenter augmenter, long keyBase) {
        n = to - from;
        int plane = size * size;
        for (int i = 0; i < n; i++) {
            int idx = order[from + i];
            Sample s = samples.get(idx);
            labels[i] = s.label();
            if (augmenter == null) {
                s.copyImageInto(images, i * plane);
                s.copyMaskInto(fullMasks, i * plane);
            } else {
                Augmenter.Augmented a = augmenter.augment(s, keyBase + idx);
                System.arraycopy(a.image(), 0, images, i * plane, plane);
                byte[] m = a.mask();
                for (int p = 0; p < plane; p++) {
                    fullMasks[i * plane + p] = m[p] != 0 ? 1f : 0f;
                }
            }
        }
        masks = MaskGrid.maxPool(fullMasks, n, size, gridFactor);
    }
}
