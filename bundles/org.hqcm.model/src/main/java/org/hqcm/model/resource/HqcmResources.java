package org.hqcm.model.resource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.FeatureNotFoundException;
import org.eclipse.emf.ecore.xmi.IllegalValueException;
import org.eclipse.emf.ecore.xmi.XMIException;
import org.hqcm.model.Experiment;
import org.hqcm.model.HqcmPackage;
import org.hqcm.model.RunRecord;
import org.hqcm.model.Sweep;
import org.hqcm.model.SweepRecord;
import org.hqcm.model.validation.HqcmConstraints;
import org.xml.sax.SAXParseException;

/**
 * Standalone setup and file access for HQCM models. Experiments are {@code NAME.hqcm}; a run folder holds its
 * record as {@value #RUN_RECORD_FILE}; sweeps are {@code NAME.hqcmsweep} and a sweep folder holds its record as
 * {@value #SWEEP_RECORD_FILE}. All are XMI with {@link HqcmResourceFactory}'s options.
 */
public final class HqcmResources {

    /** File extension of experiments. */
    public static final String EXPERIMENT_EXTENSION = "hqcm";
    /** File extension of run records. */
    public static final String RUN_RECORD_EXTENSION = "hqcmrun";
    /** Name of the run record inside a run folder. */
    public static final String RUN_RECORD_FILE = "run." + RUN_RECORD_EXTENSION;
    /** File extension of sweeps. */
    public static final String SWEEP_EXTENSION = "hqcmsweep";
    /** File extension of sweep records. */
    public static final String SWEEP_RECORD_EXTENSION = "hqcmsweeprun";
    /** Name of the sweep record inside a sweep folder. */
    public static final String SWEEP_RECORD_FILE = "sweep." + SWEEP_RECORD_EXTENSION;

    /** Every extension {@link HqcmResourceFactory} is registered for. */
    static final java.util.List<String> EXTENSIONS = java.util.List.of(EXPERIMENT_EXTENSION, RUN_RECORD_EXTENSION,
            SWEEP_EXTENSION, SWEEP_RECORD_EXTENSION);

    private HqcmResources() {
    }

    /**
     * Registers the package, the validator with the project's constraints and the file extensions in
     * EMF's global registries. Idempotent; needed standalone, harmless in Eclipse (where plugin.xml registers the
     * package and extensions, but the validator must still be put in place of the generated one).
     */
    public static synchronized void registerGlobally() {
        HqcmPackage pkg = HqcmPackage.eINSTANCE;
        EPackage.Registry.INSTANCE.put(HqcmPackage.eNS_URI, pkg);
        EValidator.Registry.INSTANCE.put(pkg, HqcmConstraints.INSTANCE);
        var extensions = Resource.Factory.Registry.INSTANCE.getExtensionToFactoryMap();
        for (String extension : EXTENSIONS) {
            extensions.putIfAbsent(extension, new HqcmResourceFactory());
        }
    }

    /** A resource set that reads and writes HQCM files, independent of global registrations. */
    public static ResourceSet newResourceSet() {
        registerGlobally();
        ResourceSet rs = new ResourceSetImpl();
        rs.getPackageRegistry().put(HqcmPackage.eNS_URI, HqcmPackage.eINSTANCE);
        HqcmResourceFactory factory = new HqcmResourceFactory();
        for (String extension : EXTENSIONS) {
            rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put(extension, factory);
        }
        // files with any other name are still HQCM models when opened through here
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put(Resource.Factory.Registry.DEFAULT_EXTENSION, factory);
        return rs;
    }

    /** The file URI EMF uses for a path. */
    public static URI uri(Path file) {
        return URI.createFileURI(file.toAbsolutePath().normalize().toString());
    }

    /** Loads an experiment; the experiment's resource URI is the file, so relative paths can be resolved. */
    public static Experiment loadExperiment(Path file) {
        return load(file, Experiment.class);
    }

    /** Loads a run record ({@code run.hqcmrun} or a path to a run folder). */
    public static RunRecord loadRunRecord(Path fileOrRunFolder) {
        Path file = Files.isDirectory(fileOrRunFolder) ? fileOrRunFolder.resolve(RUN_RECORD_FILE) : fileOrRunFolder;
        return load(file, RunRecord.class);
    }

    /** Loads a sweep ({@code .hqcmsweep}). */
    public static Sweep loadSweep(Path file) {
        return load(file, Sweep.class);
    }

    /** Loads a sweep record ({@value #SWEEP_RECORD_FILE} or a path to a sweep folder). */
    public static SweepRecord loadSweepRecord(Path fileOrSweepFolder) {
        Path file = Files.isDirectory(fileOrSweepFolder) ? fileOrSweepFolder.resolve(SWEEP_RECORD_FILE) : fileOrSweepFolder;
        return load(file, SweepRecord.class);
    }

    /** Loads the single root of a model file as the expected type, or throws {@link ModelFileException}. */
    public static <T extends EObject> T load(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, Files.exists(file) ? "not a regular file" : "no such file", null);
        }
        return read(file, null, type);
    }

    /**
     * Parses model bytes (as {@link #toBytes} wrote them) with the same secure options and checks as {@link #load};
     * {@code nominalFile} names them in messages and resolves nothing.
     */
    public static <T extends EObject> T parse(byte[] xmi, Path nominalFile, Class<T> type) {
        return read(nominalFile, xmi, type);
    }

    private static <T extends EObject> T read(Path file, byte[] bytes, Class<T> type) {
        Resource resource = newResourceSet().createResource(uri(file));
        try {
            if (bytes == null) {
                resource.load(null);
            } else {
                resource.load(new java.io.ByteArrayInputStream(bytes), null);
            }
        } catch (IOException | RuntimeException e) {
            throw loadFailure(file, resource, e);
        }
        if (!resource.getErrors().isEmpty()) {
            throw loadFailure(file, resource, null);
        }
        if (resource.getContents().size() != 1) {
            throw new ModelFileException(file, "expected exactly one root element, found " + resource.getContents().size(), null);
        }
        refuseReferencesToOtherFiles(file, resource);
        EObject root = resource.getContents().get(0);
        if (!type.isInstance(root)) {
            throw new ModelFileException(file, "expected a hqcm:" + type.getSimpleName() + " root element, found hqcm:"
                    + root.eClass().getName(), null);
        }
        return type.cast(root);
    }

    /**
     * HQCM files are self-contained: an {@code href} to another file (or anywhere) is refused, never resolved, so
     * loading a file reads nothing else. Walks the loaded tree without resolving proxies.
     */
    private static void refuseReferencesToOtherFiles(Path file, Resource resource) {
        for (var it = EcoreUtil.getAllContents(resource, false); it.hasNext();) {
            if (!(it.next() instanceof EObject o)) {
                continue;
            }
            for (EReference ref : o.eClass().getEAllReferences()) {
                Object value = o.eGet(ref, false);
                for (Object v : value instanceof List<?> list ? list : value == null ? List.of() : List.of(value)) {
                    if (v instanceof InternalEObject p && p.eIsProxy()) {
                        throw new ModelFileException(file, "'" + ref.getName() + "' of " + o.eClass().getName()
                                + " refers to " + p.eProxyURI().deresolve(resource.getURI()) + ": HQCM files are"
                                + " self-contained, references to other files are not followed; expected the "
                                + ref.getName() + " element itself", null);
                    }
                }
            }
        }
    }

    private static ModelFileException loadFailure(Path file, Resource resource, Exception thrown) {
        List<Exception> problems = new ArrayList<>();
        for (Resource.Diagnostic d : resource.getErrors()) {
            if (d instanceof Exception ex) {
                problems.add(ex);
            }
        }
        if (problems.isEmpty() && thrown != null) {
            problems.add(thrown);
        }
        Exception first = problems.get(0);
        int[] where = location(first);
        StringBuilder message = new StringBuilder(describe(first));
        for (int i = 1; i < problems.size(); i++) {
            int[] at = location(problems.get(i));
            message.append(System.lineSeparator()).append(file);
            if (at[0] > 0) {
                message.append(':').append(at[0]).append(':').append(at[1]);
            }
            message.append(": ").append(describe(problems.get(i)));
        }
        return new ModelFileException(file, where[0], where[1], message.toString(), thrown != null ? thrown : first);
    }

    private static int[] location(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof XMIException x && x.getLine() > 0) {
                return new int[] {x.getLine(), x.getColumn()};
            }
            if (c instanceof SAXParseException s && s.getLineNumber() > 0) {
                return new int[] {s.getLineNumber(), s.getColumnNumber()};
            }
        }
        return new int[] {0, 0};
    }

    private static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SAXParseException sax) {
                String text = sax.getMessage();
                return text.contains("DOCTYPE")
                        ? text + " (HQCM files may not declare a document type or external entities)" : text;
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IllegalValueException bad && bad.getFeature() != null) {
                return bad.getFeature().getEContainingClass().getName() + "." + bad.getFeature().getName() + ": '"
                        + bad.getValue() + "' is not allowed; expected " + expectedValue(bad.getFeature());
            }
            if (c instanceof FeatureNotFoundException missing && missing.getObject() != null) {
                EObject o = missing.getObject();
                return "'" + missing.getName() + "' is not a feature of " + o.eClass().getName() + "; expected one of "
                        + o.eClass().getEAllStructuralFeatures().stream().map(EStructuralFeature::getName)
                                .collect(Collectors.joining(", "));
            }
        }
        Throwable c = t;
        while ((c instanceof Resource.IOWrappedException || c.getMessage() == null) && c.getCause() != null) {
            c = c.getCause();
        }
        String text = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        // EMF appends "(uri, line, column)"; the location is already in front of the message
        text = text.replaceFirst("\\s*\\([^()]*, \\d+, \\d+\\)$", "");
        // the XML parser's exception classes (com.sun.org.apache.xerces...) say nothing to a user
        text = text.replaceAll("(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ", "");
        return text.contains("UTF-8") ? text + " (not UTF-8 text: an HQCM file is XML in UTF-8)" : text;
    }

    /** An I/O failure as "reason" (the path is already in the message): no exception class names. */
    private static String describeIo(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "its folder does not exist";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String expectedValue(EStructuralFeature feature) {
        if (feature.getEType() instanceof EEnum e) {
            return "one of " + e.getELiterals().stream().map(EEnumLiteral::getName).collect(Collectors.joining(", "));
        }
        Class<?> type = feature.getEType().getInstanceClass();
        if (type == int.class || type == long.class) {
            return "an integer";
        }
        if (type == double.class) {
            return "a number";
        }
        if (type == boolean.class) {
            return "true or false";
        }
        return "a value of type " + feature.getEType().getName();
    }

    /** Saves an experiment atomically (a copy is saved when it belongs to another file's resource). */
    public static void save(Experiment experiment, Path file) {
        saveRoot(experiment, file);
    }

    /** Saves a run record atomically; a folder target means {@value #RUN_RECORD_FILE} inside it. */
    public static void save(RunRecord record, Path fileOrRunFolder) {
        Path file = Files.isDirectory(fileOrRunFolder) ? fileOrRunFolder.resolve(RUN_RECORD_FILE) : fileOrRunFolder;
        saveRoot(record, file);
    }

    /** Saves a sweep atomically (a copy is saved when it belongs to another file's resource). */
    public static void save(Sweep sweep, Path file) {
        saveRoot(sweep, file);
    }

    /** Saves a sweep record atomically; a folder target means {@value #SWEEP_RECORD_FILE} inside it. */
    public static void save(SweepRecord record, Path fileOrSweepFolder) {
        Path file = Files.isDirectory(fileOrSweepFolder) ? fileOrSweepFolder.resolve(SWEEP_RECORD_FILE) : fileOrSweepFolder;
        saveRoot(record, file);
    }

    /** The XMI text a root would be saved as. */
    public static byte[] toBytes(EObject root, Path file) {
        Resource existing = root.eResource();
        Resource resource;
        if (existing != null && existing.getURI().equals(uri(file)) && existing.getContents().size() == 1
                && existing.getContents().get(0) == root) {
            resource = existing;
        } else {
            // saving must not move the object out of the resource (and editor) it belongs to
            resource = newResourceSet().createResource(uri(file));
            resource.getContents().add(EcoreUtil.copy(root));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            resource.save(bytes, null);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot serialise: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static void saveRoot(EObject root, Path file) {
        byte[] bytes = toBytes(root, file);
        try {
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw ModelFileException.writing(file, "cannot write: " + describeIo(e), e);
        }
    }

}
