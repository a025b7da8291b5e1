package org.hqcm.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.hqcm.engine.BadInputException;
import org.hqcm.model.Experiment;
import org.hqcm.model.Sweep;
import org.hqcm.model.presets.Presets;
import org.hqcm.model.presets.SweepPresets;
import org.hqcm.model.resource.HqcmResources;
import org.hqcm.model.validation.FeaturePaths;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hqcm new --preset NAME FILE}: writes a preset as a new experiment or sweep file; never overwrites. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Write a new experiment file (.hqcm) or sweep file (.hqcmsweep, for the sweep presets) from a",
            "preset. Refuses to overwrite an existing file.",
            "The experiment or sweep is named after the file (my-test.hqcm -> my-test) when that is a valid name."})
public final class NewCommand implements Callable<Integer> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = Presets.QUICKSTART, completionCandidates = PresetList.class,
            description = "Preset to start from: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String preset;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .hqcm file to create.")
    Path file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The preset names, for the help text. */
    static final class PresetList implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            List<String> all = new ArrayList<>(Presets.names());
            all.addAll(SweepPresets.names());
            return all.iterator();
        }
    }

    /** Columns the field list of {@code hqcm help new} wraps at. */
    private static final int WIDTH = 100;

    /**
     * The footer of {@code hqcm help new}: every field of an experiment file with the quickstart preset's value and
     * the field's documentation from the model (hqcm.ecore), so a user without the IDE learns what each field does.
     */
    static String fieldsHelp() {
        StringBuilder b = new StringBuilder("%nFields of an experiment file, with the quickstart preset's values:%n");
        for (FeaturePaths.Value v : FeaturePaths.fields(Presets.create(Presets.QUICKSTART))) {
            b.append("  ").append(v.path()).append(" = ").append(v.text()).append("%n");
            StringBuilder line = new StringBuilder("      ");
            for (String word : v.documentation().split("\\s+")) {
                if (line.length() + word.length() + 1 > WIDTH && line.length() > 6) {
                    b.append(line).append("%n");
                    line = new StringBuilder("      ");
                }
                line.append(line.length() > 6 ? " " : "").append(word);
            }
            if (line.length() > 6) {
                b.append(line).append("%n");
            }
        }
        // picocli formats the footer: a '%' of the text is not a format
        return b.toString().replace("%", "%%").replace("%%n", "%n");
    }

    private int newSweep() {
        if (Files.exists(file)) {
            throw new BadInputException(file + ": already exists; expected a new file (hqcm new never overwrites)");
        }
        String name = file.getFileName().toString();
        if (!name.endsWith("." + HqcmResources.SWEEP_EXTENSION)) {
            throw new BadInputException(file + ": '" + preset + "' is a sweep preset; expected a ." + HqcmResources.SWEEP_EXTENSION
                    + " file name");
        }
        Sweep s = SweepPresets.create(preset);
        String stem = name.substring(0, name.length() - HqcmResources.SWEEP_EXTENSION.length() - 1);
        if (NAME.matcher(stem).matches()) {
            s.setName(stem);
        }
        HqcmResources.save(s, file);
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + file + " (sweep preset " + preset + ": " + SweepPresets.summary(preset) + ")");
        out.println("check it with: hqcm validate " + file + "    run it with: hqcm sweep " + file);
        out.flush();
        return ExitCodes.OK;
    }

    @Override
    public Integer call() {
        if (SweepPresets.names().contains(preset)) {
            return newSweep();
        }
        if (!Presets.names().contains(preset)) {
            StringBuilder known = new StringBuilder();
            for (String n : Presets.names()) {
                known.append(System.lineSeparator()).append("  ").append(n).append(": ").append(Presets.summary(n));
            }
            for (String n : SweepPresets.names()) {
                known.append(System.lineSeparator()).append("  ").append(n).append(" (sweep): ").append(SweepPresets.summary(n));
            }
            throw new BadInputException("--preset: '" + preset + "' is not a preset; expected one of "
                    + String.join(", ", Presets.names()) + ", " + String.join(", ", SweepPresets.names()) + known);
        }
        if (Files.exists(file)) {
            throw new BadInputException(file + ": already exists; expected a new file (hqcm new never overwrites)");
        }
        Experiment e = Presets.create(preset);
        String stem = file.getFileName().toString().replaceFirst("\\.hqcm$", "");
        if (NAME.matcher(stem).matches()) {
            e.setName(stem);
        }
        HqcmResources.save(e, file);
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + file + " (preset " + preset + ": " + Presets.summary(preset) + ")");
        out.println("check it with: hqcm validate " + file + "    run it with: hqcm run " + file);
        out.flush();
        return ExitCodes.OK;
    }
}
