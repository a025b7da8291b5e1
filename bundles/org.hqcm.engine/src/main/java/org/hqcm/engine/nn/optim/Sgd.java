package org.hqcm.engine.nn.optim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hqcm.engine.nn.HostArrays;
import org.hqcm.engine.nn.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SGD with momentum and L2 weight decay as PyTorch's {@code torch.optim.SGD} does it:
 * g' = g + wd*p; v = mu*v + g'; p -= lr*v.
 */
public final class Sgd implements Optimizer {

    private final double momentum;
    private final double weightDecay;
    private double learningRate;
    private final Map<String, INDArray> velocity = new HashMap<>();

    public Sgd(double learningRate, double momentum, double weightDecay) {
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public void step(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            INDArray g = p.gradient();
            if (weightDecay != 0) {
                g = g.add(p.value().mul(weightDecay));
            }
            INDArray v = velocity.computeIfAbsent(p.name(), k -> p.value().ulike().assign(0));
            v.muli(momentum).addi(g);
            p.value().subi(v.mul(learningRate));
        }
    }

    @Override
    public Map<String, double[]> exportState() {
        Map<String, double[]> state = new LinkedHashMap<>();
        state.put("learningRate", new double[] {learningRate});
        velocity.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> state.put(e.getKey() + ".velocity", HostArrays.toDoubles(e.getValue())));
        return state;
    }

    @Override
    public void importState(Map<String, double[]> state, List<Parameter> parameters) {
        double[] lr = state.get("learningRate");
        if (lr == null || lr.length != 1) {
            throw new IllegalArgumentException("optimizer state: expected learningRate");
        }
        learningRate = lr[0];
        velocity.clear();
        for (Parameter p : parameters) {
            double[] v = state.get(p.name() + ".velocity");
            if (v == null) {
                continue;
            }
            if (v.length != p.size()) {
                throw new IllegalArgumentException("optimizer state: expected " + p.size() + " values for " + p.name());
            }
            INDArray arr = p.value().ulike();
            HostArrays.copyIn(v, arr);
            velocity.put(p.name(), arr);
        }
    }
}
