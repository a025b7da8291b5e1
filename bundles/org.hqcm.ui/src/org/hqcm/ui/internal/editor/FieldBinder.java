package org.hqcm.ui.internal.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.databinding.Binding;
import org.eclipse.core.databinding.DataBindingContext;
import org.eclipse.core.databinding.UpdateValueStrategy;
import org.eclipse.core.databinding.conversion.IConverter;
import org.eclipse.core.databinding.observable.value.IObservableValue;
import org.eclipse.core.databinding.validation.ValidationStatus;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jface.databinding.fieldassist.ControlDecorationSupport;
import org.eclipse.jface.databinding.swt.typed.WidgetProperties;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.hqcm.model.validation.FeaturePaths;

/**
 * Makes a form field for every attribute of a model object and binds it: text for numbers and strings (converted
 * with the attribute's EMF data type), a combo for enumerations, a check box for booleans, and a comma-separated
 * text for lists. Every change is a command on the editing domain's stack. The controls are kept by feature path
 * ({@code training.learningRate}), which is how validation problems find them.
 */
final class FieldBinder {

    /** Preferred width of a text field: the form's columns are laid out from it, the field then fills its column. */
    static final int FIELD_WIDTH = 160;

    private final DataBindingContext context;
    private final EditingDomain domain;
    private final FormToolkit toolkit;
    private final Map<String, Control> controls = new LinkedHashMap<>();
    private final List<Runnable> refreshers = new ArrayList<>();

    FieldBinder(DataBindingContext context, EditingDomain domain, FormToolkit toolkit) {
        this.context = context;
        this.domain = domain;
        this.toolkit = toolkit;
    }

    /** Fields for every attribute of {@code owner}, in model order, into a two-column composite. */
    void attributes(Composite parent, EObject owner) {
        if (owner == null) {
            return;
        }
        for (EAttribute a : owner.eClass().getEAllAttributes()) {
            if (a.isDerived() || a.isTransient() || !a.isChangeable()) {
                continue;
            }
            toolkit.createLabel(parent, label(a.getName()));
            field(parent, owner, a);
        }
    }

    /** The bound field of one attribute (without its label), filling its cell horizontally. */
    Control field(Composite parent, EObject owner, EAttribute a) {
        Control c;
        if (a.isMany()) {
            c = list(parent, owner, a);
        } else if (a.getEAttributeType() instanceof EEnum e) {
            c = choice(parent, owner, a, e);
        } else if (a.getEAttributeType().getInstanceClass() == boolean.class
                || a.getEAttributeType() == EcorePackage.Literals.EBOOLEAN_OBJECT) {
            c = check(parent, owner, a);
        } else {
            c = text(parent, owner, a);
        }
        // a width hint, or a long description sets the width of the whole form and pushes fields off screen
        GridDataFactory.fillDefaults().grab(true, false).hint(c instanceof Button ? SWT.DEFAULT : FIELD_WIDTH, SWT.DEFAULT)
                .applyTo(c);
        controls.put(FeaturePaths.of(owner, a, -1), c);
        return c;
    }

    private Text text(Composite parent, EObject owner, EAttribute a) {
        Text t = toolkit.createText(parent, "", a.getName().equals("description") ? SWT.WRAP : SWT.NONE);
        EDataType type = a.getEAttributeType();
        IConverter<String, Object> toModel = IConverter.create(String.class, Object.class,
                s -> EcoreUtil.createFromString(type, s.strip()));
        IConverter<Object, String> toText = IConverter.create(Object.class, String.class,
                v -> v == null ? "" : EcoreUtil.convertToString(type, v));
        UpdateValueStrategy<String, Object> up = UpdateValueStrategy.create(toModel);
        up.setAfterGetValidator(s -> parses(type, s));
        Binding b = context.bindValue(WidgetProperties.text(SWT.Modify).observe(t),
                new CommandObservableValue(domain, owner, a), up, UpdateValueStrategy.create(toText));
        ControlDecorationSupport.create(b, SWT.TOP | SWT.LEFT);
        return t;
    }

    private static IStatus parses(EDataType type, String s) {
        try {
            EcoreUtil.createFromString(type, s.strip());
            return ValidationStatus.ok();
        } catch (RuntimeException e) {
            return ValidationStatus.error(NLS.bind(Messages.FieldBinder_notA, s, type.getName()));
        }
    }

    private Combo choice(Composite parent, EObject owner, EAttribute a, EEnum e) {
        Combo c = new Combo(parent, SWT.READ_ONLY);
        toolkit.adapt(c);
        for (EEnumLiteral l : e.getELiterals()) {
            c.add(l.getLiteral());
        }
        IConverter<String, Object> toModel = IConverter.create(String.class, Object.class,
                s -> EcoreUtil.createFromString(e, s));
        IConverter<Object, String> toText = IConverter.create(Object.class, String.class,
                v -> v == null ? "" : EcoreUtil.convertToString(e, v));
        context.bindValue(WidgetProperties.comboSelection().observe(c), new CommandObservableValue(domain, owner, a),
                UpdateValueStrategy.create(toModel), UpdateValueStrategy.create(toText));
        return c;
    }

    @SuppressWarnings("unchecked")
    private Button check(Composite parent, EObject owner, EAttribute a) {
        Button b = toolkit.createButton(parent, "", SWT.CHECK);
        IObservableValue<?> widget = WidgetProperties.buttonSelection().observe(b);
        context.bindValue((IObservableValue<Object>) widget, new CommandObservableValue(domain, owner, a));
        return b;
    }

    /** A list as "1, 2, 3": set as a whole by one command when the text parses, refreshed on undo. */
    private Text list(Composite parent, EObject owner, EAttribute a) {
        Text t = toolkit.createText(parent, "");
        EDataType type = a.getEAttributeType();
        Runnable refresh = () -> {
            String shown = listText(owner, a);
            if (!t.isDisposed() && !parsedEquals(t.getText(), owner, a, type)) {
                t.setText(shown);
            }
        };
        refresh.run();
        refreshers.add(refresh);
        t.addListener(SWT.Modify, e -> {
            List<Object> values = parseList(t.getText(), type);
            if (values != null && !values.equals(owner.eGet(a))) {
                Command set = SetCommand.create(domain, owner, a, values);
                domain.getCommandStack().execute(set);
            }
        });
        return t;
    }

    private static String listText(EObject owner, EAttribute a) {
        List<String> parts = new ArrayList<>();
        for (Object v : (List<?>) owner.eGet(a)) {
            parts.add(EcoreUtil.convertToString(a.getEAttributeType(), v));
        }
        return String.join(", ", parts);
    }

    private static boolean parsedEquals(String text, EObject owner, EAttribute a, EDataType type) {
        List<Object> parsed = parseList(text, type);
        return parsed != null && parsed.equals(owner.eGet(a));
    }

    /** The values of a comma-separated text, or null when one does not parse. */
    static List<Object> parseList(String text, EDataType type) {
        List<Object> values = new ArrayList<>();
        if (text.isBlank()) {
            return values;
        }
        for (String part : text.split(",")) {
            try {
                values.add(EcoreUtil.createFromString(type, part.strip()));
            } catch (RuntimeException e) {
                return null;
            }
        }
        return values;
    }

    /** "learningRate" as "Learning rate:". */
    static String label(String feature) {
        StringBuilder b = new StringBuilder();
        for (char c : feature.toCharArray()) {
            if (b.length() == 0) {
                b.append(Character.toUpperCase(c));
            } else if (Character.isUpperCase(c)) {
                b.append(' ').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.append(':').toString();
    }

    /** Updates the fields that data binding does not follow (lists) after undo or redo. */
    void refreshLists() {
        refreshers.forEach(Runnable::run);
    }

    /** The field of a feature path, or null. */
    Control control(String featurePath) {
        return controls.get(featurePath);
    }

    Map<String, Control> controls() {
        return controls;
    }
}
