package org.hqcm.model.resource;

import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;

/**
 * Creates XMI resources for {@code .hqcm}, {@code .hqcmrun}, {@code .hqcmsweep} and {@code .hqcmsweeprun} files whose default options make parsing safe
 * (no DOCTYPE, no external entities) and saving complete (defaults written out, UTF-8). Registered for all four
 * extensions standalone ({@link HqcmResources}) and in Eclipse (plugin.xml), so the editor gets the same options.
 */
public class HqcmResourceFactory extends XMIResourceFactoryImpl {

    /** SAX features that turn off DTDs and external entities (XXE). */
    public static final Map<String, Boolean> SECURE_PARSER_FEATURES = Map.of(
            "http://apache.org/xml/features/disallow-doctype-decl", Boolean.TRUE,
            "http://xml.org/sax/features/external-general-entities", Boolean.FALSE,
            "http://xml.org/sax/features/external-parameter-entities", Boolean.FALSE,
            "http://apache.org/xml/features/nonvalidating/load-external-dtd", Boolean.FALSE);

    @Override
    public Resource createResource(URI uri) {
        XMIResourceImpl resource = new XMIResourceImpl(uri);
        Map<Object, Object> load = resource.getDefaultLoadOptions();
        load.put(XMLResource.OPTION_PARSER_FEATURES, SECURE_PARSER_FEATURES);
        // a shared parser pool could hand out parsers configured by someone else
        load.put(XMLResource.OPTION_USE_PARSER_POOL, null);
        Map<Object, Object> save = resource.getDefaultSaveOptions();
        save.put(XMLResource.OPTION_ENCODING, "UTF-8");
        // write every value, defaults included: a file says what it runs even if a default changes later
        save.put(XMLResource.OPTION_KEEP_DEFAULT_CONTENT, Boolean.TRUE);
        save.put(XMLResource.OPTION_LINE_WIDTH, 100);
        return resource;
    }
}
