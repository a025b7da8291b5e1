package org.hqcm.engine.quantum;

/**
 * How the batched evaluators cut a batch: {@code circuits x perCircuit} tiles of at most {@code size} rows, enough of
 * them to keep every thread of {@link Parallel} busy (4 per thread), none larger than {@code maxRows}; and the argument
 * checks both evaluators share.
 */
record TileLayout(int perCircuit, int size) {

    /**
     * @param minRowsPerTile the smallest tile worth a task of its own (the state vector's 4 rows; 1 where a row is
     *                       already a lot of work)
     */
    static TileLayout of(int rows, int circuits, int maxRows, int minRowsPerTile) {
        int minTasks = Parallel.THREADS > 1 ? 4 * Parallel.THREADS : 1;
        int perCircuit = Math.max((rows + maxRows - 1) / maxRows, (minTasks + circuits - 1) / circuits);
        perCircuit = Math.min(perCircuit, Math.max(1, rows / minRowsPerTile));
        int size = (rows + perCircuit - 1) / perCircuit;
        return new TileLayout((rows + size - 1) / size, size);
    }

    /** Rows of tile t of a circuit. */
    int rows(int t, int batch) {
        return Math.min(size, batch - t * size);
    }

    static void checkForward(CircuitSpec spec, int circuits, int rows, double[] input, double[] output, double[] w) {
        int q = spec.qubits();
        int inWidth = spec.inputWidth();
        if (rows < 0 || input.length < rows * circuits * inWidth || output.length < rows * circuits * q
                || w.length < circuits * spec.weightCount()) {
            throw new IllegalArgumentException("forward: batch " + rows + " needs input " + rows * circuits * inWidth
                    + ", output " + rows * circuits * q + ", weights " + circuits * spec.weightCount() + "; got "
                    + input.length + ", " + output.length + ", " + w.length);
        }
    }

    static void checkBackward(CircuitSpec spec, int circuits, int batch, double[] gradOutput, double[] gradInput,
            double[] gradWeights) {
        int q = spec.qubits();
        int inWidth = spec.inputWidth();
        if (gradOutput.length < batch * circuits * q || gradInput.length < batch * circuits * inWidth
                || gradWeights.length < circuits * spec.weightCount()) {
            throw new IllegalArgumentException("backward: batch " + batch + " needs gradOutput " + batch * circuits * q
                    + ", gradInput " + batch * circuits * inWidth + ", gradWeights " + circuits * spec.weightCount());
        }
    }
}
