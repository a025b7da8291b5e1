package org.hqcm.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.Test;


class BenchTrainCommandTest {

    private static String[] run(int expectedExit, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(expectedExit, r.exit(), r.err());
        return new String[] {r.out(), r.err()};
    }

    @Test
    void printsStepTimeFlopsPeakShareAndMemory() {
        String text = run(0, "bench", "train", "--size", "16", "--batch", "2", "--steps", "1", "--warmup", "0",
                "--head", "classical")[0];
        assertTrue(text.contains("oneDNN yes"), text); // the classified native backend, not the generic jar
        assertTrue(text.matches("(?s).*16x16, batch 2, classical head: \\d+ ms/step.*"), text);
        assertTrue(text.matches("(?s).*GFLOP per step.*GFLOP/s.*"), text);
        assertTrue(text.matches("(?s).*GEMM peak this run.*share \\d+%.*"), text);
        assertTrue(text.matches("(?s).*VmHWM\\): \\d+\\.\\d\\d GB.*"), text);
    }

    @Test
    void unknownHeadIsBadInput() {
        String err = run(ExitCodes.BAD_INPUT, "bench", "train", "--size", "16", "--head", "photonic")[1];
        assertTrue(err.contains("--head photonic"), err);
    }
}
