package org.hqcm.engine.internal.train.tribuo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hqcm.engine.internal.data.Sample;
import org.hqcm.engine.internal.nn.HybridNetwork;
import org.hqcm.engine.internal.train.Inference;
import org.hqcm.engine.internal.train.Predictions;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;

import com.oracle.labs.mlrg.olcut.util.Pair;

/**
 * The trained hybrid network as a Tribuo model. Predictions run in batches ({@link #predictDetailed} also returns
 * the attention maps and head outputs that Tribuo's {@link Prediction} has no place for). Saved as an array archive
 * by the run, never with Java serialization.
 */
public final class HqcmModel extends Model<Label> {
    private static final long serialVersionUID = 1L;

    private final transient Inference inference;
    private final List<String> classNames;

    HqcmModel(String name, ModelProvenance provenance, ImmutableFeatureMap features, ImmutableOutputInfo<Label> labels,
            Inference inference, List<String> classNames) {
        super(name, provenance, features, labels, true);
        this.inference = inference;
        this.classNames = List.copyOf(classNames);
    }

    /** The trained network (best weights), for saving and for the attention maps. */
    public HybridNetwork network() {
        return inference.network();
    }

    /** Inference over {@code samples[indices]} with everything the network gives. */
    public Predictions predictDetailed(List<Sample> samples, int[] indices) {
        return inference.run(samples, indices);
    }

    /** Tribuo predictions for the examples behind {@code detailed} (same order). */
    public List<Prediction<Label>> toPredictions(Predictions detailed, List<? extends Example<Label>> examples) {
        List<Prediction<Label>> out = new ArrayList<>(detailed.size());
        int k = detailed.classes();
        for (int i = 0; i < detailed.size(); i++) {
            Map<String, Label> scores = new HashMap<>();
            for (int c = 0; c < k; c++) {
                scores.put(classNames.get(c), new Label(classNames.get(c), detailed.probabilities()[i * k + c]));
            }
            int best = detailed.predicted()[i];
            Label predicted = new Label(classNames.get(best), detailed.probabilities()[i * k + best]);
            out.add(new Prediction<>(predicted, scores, examples.get(i).size(), examples.get(i), true));
        }
        return out;
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        return innerPredict(List.of(example)).get(0);
    }

    @Override
    protected List<Prediction<Label>> innerPredict(Iterable<Example<Label>> examples) {
        List<ImageExample> images = new ArrayList<>();
        for (Example<Label> e : examples) {
            if (!(e instanceof ImageExample image)) {
                throw new IllegalArgumentException("HqcmModel predicts images: expected an ImageExample, got "
                        + e.getClass().getSimpleName());
            }
            images.add(image);
        }
        List<Sample> samples = images.stream().map(ImageExample::sample).toList();
        int[] indices = new int[samples.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        return toPredictions(inference.run(samples, indices), images);
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        // pixels have no global importance here; the spatial attention map is the explanation (see Jaccard)
        return Collections.emptyMap();
    }

    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    /** A model with its own network (the weights and BatchNorm statistics copied), so that the two never share state. */
    @Override
    protected Model<Label> copy(String newName, ModelProvenance newProvenance) {
        return new HqcmModel(newName, newProvenance, featureIDMap, outputIDInfo, inference.copy(), classNames);
    }
}
