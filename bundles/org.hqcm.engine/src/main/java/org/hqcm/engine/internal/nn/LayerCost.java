package org.hqcm.engine.internal.nn;

/**
 * The least work of one pass of a layer over a batch, as a bound on how fast that pass can be on a machine: the
 * floating-point operations of its arithmetic, and the bytes it must move between memory and the cores. A forward
 * pass must read its input and parameters and write its output; a backward pass must read the output's gradient, the
 * input it kept (or recomputes from) and the parameters, and write the input's and the parameters' gradients.
 * Intermediate tensors (a convolution's output before BatchNorm, pooling masks) are not counted: a fused layer need
 * not store them, so they are part of the distance to the limit, not of the limit ({@code bench train} prints both).
 *
 * @param forwardFlops  operations of the forward pass (a multiply-add counts two)
 * @param backwardFlops operations of the backward pass
 * @param forwardBytes  bytes the forward pass must read and write
 * @param backwardBytes bytes the backward pass must read and write
 */
public record LayerCost(double forwardFlops, double backwardFlops, double forwardBytes, double backwardBytes) {

    /**
     * A pass over a batch that reads {@code inputs} values and {@code parameters} values and writes {@code outputs}
     * values of {@code elementBytes} each, with {@code forwardFlops} operations; its backward pass costs twice that
     * when it also computes the input's gradient (one product for the input gradient, one for the weights'), once
     * otherwise (the first layer).
     */
    static LayerCost of(double forwardFlops, boolean inputGradient, int elementBytes, double inputs, double parameters,
            double outputs) {
        double forwardBytes = elementBytes * (inputs + parameters + outputs);
        double backwardBytes = elementBytes * (outputs + inputs + 2 * parameters + (inputGradient ? inputs : 0));
        return new LayerCost(forwardFlops, (inputGradient ? 2 : 1) * forwardFlops, forwardBytes, backwardBytes);
    }

    public LayerCost plus(LayerCost o) {
        return new LayerCost(forwardFlops + o.forwardFlops, backwardFlops + o.backwardFlops,
                forwardBytes + o.forwardBytes, backwardBytes + o.backwardBytes);
    }
}
