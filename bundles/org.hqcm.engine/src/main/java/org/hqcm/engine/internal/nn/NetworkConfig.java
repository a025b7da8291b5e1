package org.hqcm.engine.internal.nn;

import java.util.List;
import java.util.Objects;

import org.hqcm.engine.BadInputException;

/**
 * Everything that fixes the shape and initial weights of the hybrid network. Values come from the
 * experiment model; this record holds no defaults of its own.
 *
 * @param imageSize      side S of the square single-channel input; must be divisible by 2^widths.size()
 * @param widths         output channels of the backbone blocks (paper: 128, 64, 32); each block halves S
 * @param attention      whether the channel and spatial attention run; without it there is no T_s
 * @param reductionRatio channel attention's reduction r (hidden width C / r, at least 1)
 * @param spatialKernels odd kernel sizes of the multi-scale spatial convolutions (paper: 1, 3, 5)
 * @param fuseKernel     odd kernel size of the convolution to the one-channel map T_s (paper: 7)
 * @param head           quantum or classical head
 * @param classes        number of classes K
 * @param seed           seed of the weight initialisation
 */
public record NetworkConfig(int imageSize, List<Integer> widths, boolean attention, int reductionRatio,
        List<Integer> spatialKernels, int fuseKernel, HeadConfig head, int classes, long seed) {

    public NetworkConfig {
        widths = List.copyOf(widths);
        spatialKernels = List.copyOf(spatialKernels);
        Objects.requireNonNull(head, "head");
        if (widths.isEmpty()) {
            throw new BadInputException("network.widths: expected at least one backbone block, got none");
        }
        for (int w : widths) {
            requirePositive("network.widths", w);
        }
        requirePositive("network.imageSize", imageSize);
        int factor = 1 << widths.size();
        if (imageSize % factor != 0) {
            throw new BadInputException("network.imageSize: expected a multiple of " + factor + " (2^"
                    + widths.size() + " blocks), got " + imageSize);
        }
        if (attention) {
            requirePositive("network.reductionRatio", reductionRatio);
            if (spatialKernels.isEmpty()) {
                throw new BadInputException("network.spatialKernels: expected at least one kernel size, got none");
            }
            for (int k : spatialKernels) {
                requireOdd("network.spatialKernels", k);
            }
            requireOdd("network.fuseKernel", fuseKernel);
        }
        if (classes < 2) {
            throw new BadInputException("network.classes: expected at least 2, got " + classes);
        }
    }

    /** Side of the final feature map and of T_s. */
    public int featureSize() {
        return imageSize >> widths.size();
    }

    /** Channels C of the final feature map. */
    public int featureChannels() {
        return widths.get(widths.size() - 1);
    }

    static void requirePositive(String field, int value) {
        if (value < 1) {
            throw new BadInputException(field + ": expected a positive integer, got " + value);
        }
    }

    private static void requireOdd(String field, int value) {
        if (value < 1 || value % 2 == 0) {
            throw new BadInputException(field + ": expected a positive odd kernel size, got " + value);
        }
    }
}
