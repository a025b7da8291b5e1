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
import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.jface.fieldassist.FieldDecorationRegistry;
import org.eclipse.jface.databinding.swt.typed.WidgetProperties;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.hqcm.model.validation.Expectations;
import org.hqcm.model.validation.FeaturePaths;
import org.hqcm.ui.internal.Labels;

/**
 * Makes a form field for every attribute of a model object and binds it: text for numbers and strings (converted
 * with the attribute's EMF data type; text that is no number says so in plain words), a combo of readable labels
 * for enumerations, a check box for booleans, and a comma-separated text for lists. Labels and values read as
 * {@link Labels} words them; field and label carry the model's documentation as their tooltip. Every change is a command on the editing domain's stack. The controls are kept by feature path
 * ({@code training.learningRate}), which is how validation problems find them.
 */
final class FieldBinder {

    /** Preferred width of a text field: the form's columns are laid out from it, the field then fills its column. */
    static final int FIELD_WIDTH = 160;

    private final DataBindingContext context;
    private final EditingDomain domain;
    private final FormToolkit toolkit;
    private final Map<String, Control> controls = new LinkedHashMap<>();
    private final Map<Control, Binding> bindings = new LinkedHashMap<>();
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
            label(parent, a);
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
        c.setToolTipText(Labels.tooltip(a));
        controls.put(FeaturePaths.of(owner, a, -1), c);
        return c;
    }

    /** The label of an attribute's field, with the same tooltip as the field: the model's documentation. */
    Label label(Composite parent, EAttribute a) {
        Label l = toolkit.createLabel(parent, Labels.feature(a) + ":");
        l.setToolTipText(Labels.tooltip(a));
        return l;
    }

    private Text text(Composite parent, EObject owner, EAttribute a) {
        Text t = toolkit.createText(parent, "", a.getName().equals("description") ? SWT.WRAP : SWT.NONE);
        EDataType type = a.getEAttributeType();
        IConverter<String, Object> toModel = IConverter.create(String.class, Object.class,
                s -> EcoreUtil.createFromString(type, s.strip()));
        IConverter<Object, String> toText = IConverter.create(Object.class, String.class,
                v -> v == null ? "" : EcoreUtil.convertToString(type, v));
        UpdateValueStrategy<String, Object> up = UpdateValueStrategy.create(toModel);
        up.setAfterGetValidator(s -> parses(owner, a, s));
        Binding b = context.bindValue(WidgetProperties.text(SWT.Modify).observe(t),
                new CommandObservableValue(domain, owner, a), up, UpdateValueStrategy.create(toText));
        ControlDecorationSupport.create(b, SWT.TOP | SWT.LEFT);
        bindings.put(t, b);
        return t;
    }

    private static IStatus parses(EObject owner, EAttribute a, String s) {
        try {
            EcoreUtil.createFromString(a.getEAttributeType(), s.strip());
            return ValidationStatus.ok();
        } catch (RuntimeException e) {
            return ValidationStatus.error(notConvertible(owner, a, s));
        }
    }

    /**
     * "'abc' is not a number: expected a learning rate > 0": what the text is not, and what the field wants, in the
     * rule's own words where a rule limits the value ({@link Expectations}), else with the default as an example.
     */
    static String notConvertible(EObject owner, EAttribute a, String text) {
        Class<?> type = a.getEAttributeType().getInstanceClass();
        boolean whole = type == int.class || type == Integer.class || type == long.class || type == Long.class;
        String what = whole ? Messages.FieldBinder_wholeNumber : Messages.FieldBinder_number;
        String name = Labels.inSentence(a);
        // plural names ("qubits", "max epochs") read without an article
        String article = name.endsWith("s") ? "" : "aeiou".indexOf(Character.toLowerCase(name.charAt(0))) >= 0 ? "an " : "a ";
        String rule = Expectations.of(owner, a);
        String expected;
        if (rule != null) {
            boolean comparison = !rule.isEmpty() && (">=<".indexOf(rule.charAt(0)) >= 0 || Character.isDigit(rule.charAt(0)));
            expected = article + name + (comparison ? " " : ": ") + rule;
        } else if (a.getDefaultValueLiteral() != null) {
            expected = NLS.bind(Messages.FieldBinder_forExample, article + name, a.getDefaultValueLiteral());
        } else {
            expected = article + name;
        }
        String shown = text.isBlank() ? Messages.FieldBinder_empty : NLS.bind(Messages.FieldBinder_quoted, text.strip());
        return NLS.bind(Messages.FieldBinder_notA, new Object[] {shown, what, expected});
    }

    private Combo choice(Composite parent, EObject owner, EAttribute a, EEnum e) {
        Combo c = new Combo(parent, SWT.READ_ONLY);
        toolkit.adapt(c);
        // the items are the values' readable labels (Labels); the model keeps the literals
        Map<String, EEnumLiteral> byLabel = new LinkedHashMap<>();
        for (EEnumLiteral l : e.getELiterals()) {
            byLabel.put(Labels.literal(l.getLiteral()), l);
            c.add(Labels.literal(l.getLiteral()));
        }
        IConverter<String, Object> toModel = IConverter.create(String.class, Object.class,
                s -> byLabel.containsKey(s) ? EcoreUtil.createFromString(e, byLabel.get(s).getLiteral()) : null);
        IConverter<Object, String> toText = IConverter.create(Object.class, String.class,
                v -> v == null ? "" : Labels.literal(EcoreUtil.convertToString(e, v)));
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
        // what data binding's decoration does for single values: a part that is no number is marked at the field
        ControlDecoration bad = new ControlDecoration(t, SWT.TOP | SWT.LEFT);
        bad.setImage(FieldDecorationRegistry.getDefault().getFieldDecoration(FieldDecorationRegistry.DEC_ERROR).getImage());
        bad.hide();
        t.addListener(SWT.Modify, e -> {
            List<Object> values = parseList(t.getText(), type);
            String part = values == null ? unparsable(t.getText(), type) : null;
            if (part != null) {
                bad.setDescriptionText(NLS.bind(Messages.FieldBinder_badList, notConvertible(owner, a, part)));
                bad.show();
            } else {
                bad.hide();
            }
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

    /** The first part of a comma-separated text that does not parse, or null. */
    private static String unparsable(String text, EDataType type) {
        for (String part : text.split(",")) {
            try {
                EcoreUtil.createFromString(type, part.strip());
            } catch (RuntimeException e) {
                return part;
            }
        }
        return null;
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

    /** What the decoration of a text field says about its text (a value that does not convert), or null. */
    String inputProblem(Control c) {
        Binding b = bindings.get(c);
        IStatus status = b == null ? null : b.getValidationStatus().getValue();
        return status == null || status.isOK() ? null : status.getMessage();
    }
}
