package org.hqcm.engine.internal.train.tribuo;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.hqcm.engine.internal.data.Sample;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.FeatureMap;
import org.tribuo.classification.Label;
import org.tribuo.util.Merger;

/**
 * One image as a Tribuo example: its features are the S x S pixels ({@link PixelFeatures#name}), read from the
 * sample on demand, so the dataset holds no second copy of the pixels. Immutable: pixels are not features one adds
 * or removes.
 */
public final class ImageExample extends Example<Label> {
    private static final long serialVersionUID = 1L;

    private final transient Sample sample;
    private final int index;

    ImageExample(Sample sample, int index, Label label) {
        super(label);
        this.sample = sample;
        this.index = index;
    }

    /** The sample behind this example. */
    public Sample sample() {
        return sample;
    }

    /** The sample's index in the loaded dataset. */
    public int index() {
        return index;
    }

    @Override
    public int size() {
        return sample.size() * sample.size();
    }

    @Override
    public Iterator<Feature> iterator() {
        int side = sample.size();
        int n = side * side;
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Feature next() {
                if (i >= n) {
                    throw new NoSuchElementException();
                }
                int p = i++;
                return new Feature(PixelFeatures.name(side, p), sample.pixel(p / side, p % side));
            }
        };
    }

    @Override
    protected void sort() {
        // pixel features are generated in name order
    }

    @Override
    public boolean validateExample() {
        return size() > 0;
    }

    @Override
    public boolean isDense(FeatureMap fMap) {
        return fMap.size() == size();
    }

    @Override
    public void canonicalize(FeatureMap featureMap) {
        // already canonical: one feature per pixel, in id order
    }

    @Override
    public Example<Label> copy() {
        return new ImageExample(sample, index, getOutput());
    }

    @Override
    public void add(Feature feature) {
        throw immutable();
    }

    @Override
    public void addAll(Collection<? extends Feature> features) {
        throw immutable();
    }

    @Override
    public void removeFeatures(List<Feature> features) {
        if (!features.isEmpty()) {
            throw immutable();
        }
    }

    @Override
    public void reduceByName(Merger merger) {
        // names are unique
    }

    @Override
    public void set(Feature feature) {
        throw immutable();
    }

    @Override
    protected void densify(List<String> featureNames) {
        // always dense
    }

    /** As Tribuo's dense example of the same pixels (Tribuo's own format; the engine itself never needs it). */
    @Override
    public org.tribuo.protos.core.ExampleProto serialize() {
        int n = size();
        String[] names = new String[n];
        double[] values = new double[n];
        int side = sample.size();
        for (int p = 0; p < n; p++) {
            names[p] = PixelFeatures.name(side, p);
            values[p] = sample.pixel(p / side, p % side);
        }
        return new org.tribuo.impl.ArrayExample<>(getOutput(), names, values).serialize();
    }

    private static UnsupportedOperationException immutable() {
        return new UnsupportedOperationException("image examples are immutable: their features are the image's pixels");
    }
}
