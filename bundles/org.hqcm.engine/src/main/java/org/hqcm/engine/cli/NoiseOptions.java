package org.hqcm.engine.cli;

import java.util.List;
import java.util.Locale;

import org.hqcm.engine.BadInputException;
import org.hqcm.engine.quantum.NoiseModel;

import picocli.CommandLine.Option;

/**
 * {@code --noise KEY=VALUE}, repeatable: the noise model of a circuit on the command line, with the model's names
 * (see QuantumHead in hqcm.ecore): depolarizing, amplitudeDamping, phaseDamping (also written amplitude-damping,
 * phase-damping) and readoutError (or readout) with one value for every wire or one per wire separated by commas.
 */
final class NoiseOptions {

    @Option(names = "--noise", paramLabel = "KEY=VALUE",
            description = {"Noise after every gate or at readout, repeatable: depolarizing=P, amplitudeDamping=G, "
                + "phaseDamping=G (PennyLane's channels; each needs the densitymatrix simulator), readout=R or "
                + "readout=R0,R1,... (flip probability per wire). Example: --noise depolarizing=0.01 --noise readout=0.02"})
    List<String> noise;

    /** The noise model given (NONE without --noise). */
    NoiseModel model() {
        double dep = 0;
        double ad = 0;
        double pd = 0;
        double[] readout = new double[0];
        if (noise == null) {
            return NoiseModel.NONE;
        }
        for (String item : noise) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw new BadInputException("--noise '" + item + "': expected KEY=VALUE with KEY depolarizing, "
                        + "amplitudeDamping, phaseDamping or readout");
            }
            String key = item.substring(0, eq).strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            String value = item.substring(eq + 1).strip();
            switch (key) {
                case "depolarizing" -> dep = number(item, value);
                case "amplitudedamping" -> ad = number(item, value);
                case "phasedamping" -> pd = number(item, value);
                case "readout", "readouterror" -> {
                    String[] cells = value.split(",");
                    readout = new double[cells.length];
                    for (int i = 0; i < cells.length; i++) {
                        readout[i] = number(item, cells[i].strip());
                    }
                }
                default -> throw new BadInputException("--noise '" + item + "': unknown key '" + item.substring(0, eq)
                        + "'; expected depolarizing, amplitudeDamping, phaseDamping or readout");
            }
        }
        return new NoiseModel(dep, ad, pd, readout);
    }

    private static double number(String item, String value) {
        try {
            double v = Double.parseDouble(value);
            if (!(v >= 0 && v <= 1)) {
                throw new BadInputException("--noise '" + item + "': " + value + " is not allowed; expected a probability "
                        + "in [0, 1]");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInputException("--noise '" + item + "': '" + value + "' is not a number; expected a probability "
                    + "in [0, 1]", e);
        }
    }
}
