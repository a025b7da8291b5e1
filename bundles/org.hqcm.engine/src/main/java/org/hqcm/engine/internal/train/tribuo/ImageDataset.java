package org.hqcm.engine.internal.train.tribuo;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.hqcm.engine.internal.data.Sample;
import org.tribuo.Example;
import org.tribuo.ImmutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Samples as a Tribuo dataset. Built without Tribuo's per-feature checks (every image has exactly its S x S
 * pixels), so wrapping 7,576 images costs milliseconds, not the seconds of 124 million feature look-ups.
 * Examples carry the metadata key {@link #SPLIT} (train or validation) where the trainer needs it.
 */
public final class ImageDataset extends ImmutableDataset<Label> {
    private static final long serialVersionUID = 1L;

    /** Example metadata key: which part of the split an example belongs to. */
    public static final String SPLIT = "split";
    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";

    private ImageDataset(SimpleDataSourceProvenance provenance, int side, List<String> classNames, int examples) {
        super(provenance, LABEL_FACTORY, PixelFeatures.domain(side, examples), labelDomain(classNames));
    }

    private static final LabelFactory LABEL_FACTORY = new LabelFactory();

    /** {@code samples[indices]}, each tagged with {@code tag} (or untagged when null). */
    public static ImageDataset of(String description, List<Sample> samples, List<String> classNames, int[]... parts) {
        return of(description, samples, classNames, null, parts);
    }

    /**
     * The parts of {@code indices}; with {@code tags}, the examples of part i get metadata {@link #SPLIT} = tags[i].
     */
    public static ImageDataset of(String description, List<Sample> samples, List<String> classNames, String[] tags,
            int[]... parts) {
        int total = 0;
        for (int[] p : parts) {
            total += p.length;
        }
        int side = samples.isEmpty() ? 1 : samples.get(0).size();
        ImageDataset d = new ImageDataset(new SimpleDataSourceProvenance(description, OffsetDateTime.now(),
                LABEL_FACTORY), side, classNames, total);
        List<Example<Label>> examples = new ArrayList<>(total);
        for (int p = 0; p < parts.length; p++) {
            for (int i : parts[p]) {
                Sample s = samples.get(i);
                ImageExample e = new ImageExample(s, i, new Label(classNames.get(s.label())));
                if (tags != null) {
                    e.setMetadataValue(SPLIT, tags[p]);
                }
                examples.add(e);
            }
        }
        d.data.addAll(examples);
        return d;
    }

    private static org.tribuo.ImmutableOutputInfo<Label> labelDomain(List<String> classNames) {
        var info = LABEL_FACTORY.generateInfo();
        for (String c : classNames) {
            info.observe(new Label(c));
        }
        return info.generateImmutableOutputInfo();
    }
}
