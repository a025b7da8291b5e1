package org.hqcm.ui.internal.editor;

import java.util.Objects;

import org.eclipse.core.databinding.observable.value.DecoratingObservableValue;
import org.eclipse.core.databinding.observable.value.IObservableValue;
import org.eclipse.emf.databinding.EMFProperties;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

/**
 * A feature of a model object as an observable value whose changes go through the editing domain's command
 * stack (so they can be undone), read through org.eclipse.emf.databinding. This is what EMFEditProperties does;
 * org.eclipse.emf.databinding.edit is on Maven Central only in a 2015 build (1.3.0) written against older
 * internals of emf.databinding, so the few lines are here instead.
 */
final class CommandObservableValue extends DecoratingObservableValue<Object> {

    private final EditingDomain domain;
    private final EObject owner;
    private final EStructuralFeature feature;

    @SuppressWarnings("unchecked")
    CommandObservableValue(EditingDomain domain, EObject owner, EStructuralFeature feature) {
        super((IObservableValue<Object>) EMFProperties.value(feature).observe(owner), true);
        this.domain = domain;
        this.owner = owner;
        this.feature = feature;
    }

    @Override
    public void setValue(Object value) {
        checkRealm();
        if (Objects.equals(value, owner.eGet(feature))) {
            return;
        }
        domain.getCommandStack().execute(SetCommand.create(domain, owner, feature, value));
    }

    EStructuralFeature feature() {
        return feature;
    }
}
