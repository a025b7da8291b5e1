package org.hqcm.model.codegen;

import java.io.File;
import java.nio.file.Path;

import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.generator.GeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.URIConverter;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/**
 * Runs EMF's model generator without Eclipse: {@code GenerateModel BUNDLES_DIR PROJECT/PATH.genmodel}.
 * {@code platform:/resource/} is mapped onto BUNDLES_DIR, so the genmodel's {@code /org.hqcm.model/src-gen}
 * lands in {@code bundles/org.hqcm.model/src-gen}. Formatting and organize-imports need a running
 * Eclipse and are skipped; the generated code is compiled as it comes.
 */
public final class GenerateModel {

    private GenerateModel() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: GenerateModel BUNDLES_DIR PROJECT/PATH.genmodel");
            System.exit(2);
        }
        Path bundles = Path.of(args[0]).toAbsolutePath().normalize();
        Diagnostic result = generate(bundles, args[1]);
        System.out.println("generated " + args[1] + ": " + describe(result));
        System.exit(result.getSeverity() >= Diagnostic.ERROR ? 1 : 0);
    }

    static Diagnostic generate(Path bundles, String genModelPath) {
        ResourceSet rs = new ResourceSetImpl();
        rs.getPackageRegistry().put(EcorePackage.eNS_URI, EcorePackage.eINSTANCE);
        rs.getPackageRegistry().put(GenModelPackage.eNS_URI, GenModelPackage.eINSTANCE);
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("ecore", new EcoreResourceFactoryImpl());
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("genmodel", new XMIResourceFactoryImpl());
        GeneratorAdapterFactory.Descriptor.Registry.INSTANCE.addDescriptor(GenModelPackage.eNS_URI,
                GenModelGeneratorAdapterFactory.DESCRIPTOR);

        String bundlesUri = URI.createFileURI(bundles.toString()).toString() + "/";
        URIConverter.URI_MAP.put(URI.createURI("platform:/resource/"), URI.createURI(bundlesUri));
        // Ecore.genmodel (usedGenPackages of every genmodel) lives inside the ecore jar
        String ecoreJar = new File(EcorePackage.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .getAbsolutePath();
        URIConverter.URI_MAP.put(URI.createURI("platform:/plugin/org.eclipse.emf.ecore/"),
                URI.createURI("archive:" + URI.createFileURI(ecoreJar) + "!/"));

        Resource resource = rs.getResource(URI.createPlatformResourceURI(genModelPath, true), true);
        GenModel genModel = (GenModel) resource.getContents().get(0);
        genModel.reconcile();
        genModel.setCanGenerate(true);
        Diagnostic check = genModel.diagnose();
        if (check.getSeverity() >= Diagnostic.ERROR) {
            return check;
        }
        Generator generator = new Generator();
        generator.setInput(genModel);
        return generator.generate(genModel, GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE,
                new BasicMonitor.Printing(System.out));
    }

    private static String describe(Diagnostic d) {
        StringBuilder sb = new StringBuilder(d.getSeverity() == Diagnostic.OK ? "ok" : String.valueOf(d.getMessage()));
        for (Diagnostic child : d.getChildren()) {
            sb.append(System.lineSeparator()).append("  ").append(child.getMessage());
        }
        return sb.toString();
    }
}
