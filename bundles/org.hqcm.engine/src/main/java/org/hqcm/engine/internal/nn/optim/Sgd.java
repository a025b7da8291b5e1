package org.hqcm.engine.internal.nn.optim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.internal.nn.HostArrays;
import org.hqcm.engine.internal.nn.Parameter;

/**
 * SGD with momentum and L2 weight decay, step for step as PyTorch's {@code torch.optim.SGD} (dampening 0, no
 * Nesterov): g' = g + wd p; v = mu v + g' (v = g' at the first step); p -= lr v. Velocities live in double on the
 * heap, updated in one plain loop per parameter, as AdamW's moments.
 */
public final class Sgd implements Optimizer {

    private final double momentum;
    private final double weightDecay;
    private double learningRate;
    private final Map<String, double[]> velocity = new HashMap<>();

    public Sgd(double learningRate, double momentum, double weightDecay) {
        setLearningRate(learningRate);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new BadInputException("optimizer.momentum: expected a value in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0)) {
            throw new BadInputException("optimizer.weightDecay: expected a number >= 0, got " + weightDecay);
        }
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new BadInputException("optimizer.learningRate: expected a positive number, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    @Override
    public void step(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            double[] g = HostArrays.toDoubles(p.gradient());
            double[] value = HostArrays.toDoubles(p.value());
            double[] v = velocity.get(p.name());
            boolean first = v == null;
            if (first) {
                v = new double[g.length];
                velocity.put(p.name(), v);
            }
            for (int i = 0; i < g.length; i++) {
                double gi = g[i] + weightDecay * value[i];
                v[i] = first ? gi : momentum * v[i] + gi;
                value[i] -= learningRate * v[i];
            }
            HostArrays.copyIn(value, p.value());
        }
    }

    /** Reads value, gradient and velocity, writes value and velocity (velocity in doubles). */
    @Override
    public double[] stepCostPerValue() {
        return new double[] {6, 2 * Float.BYTES + Double.BYTES + Float.BYTES + Double.BYTES};
    }

    @Override
    public Map<String, double[]> exportState() {
        Map<String, double[]> state = new LinkedHashMap<>();
        state.put("learningRate", new double[] {learningRate});
        velocity.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> state.put(e.getKey() + ".velocity", e.getValue().clone()));
        return state;
    }

    @Override
    public void importState(Map<String, double[]> state, List<Parameter> parameters) {
        double[] lr = state.get("learningRate");
        if (lr == null || lr.length != 1) {
            throw new IllegalArgumentException("optimizer state: expected learningRate");
        }
        setLearningRate(lr[0]);
        velocity.clear();
        for (Parameter p : parameters) {
            double[] v = state.get(p.name() + ".velocity");
            if (v == null) {
                continue;
            }
            if (v.length != p.size()) {
                throw new IllegalArgumentException("optimizer state: expected " + p.size() + " values for " + p.name());
            }
            velocity.put(p.name(), v.clone());
        }
    }
}
