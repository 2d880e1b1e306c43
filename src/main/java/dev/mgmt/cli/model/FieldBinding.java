package dev.mgmt.cli.model;

import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.PicocliException;

import java.lang.reflect.Field;

/** Reads and writes one field of one command object: what picocli's annotation scan would bind to. */
final class FieldBinding implements IGetter, ISetter {
    private final Object target;
    private final Field field;

    FieldBinding(Object target, Field field) {
        this.target = target;
        this.field = field;
    }

    static FieldBinding of(Object target, String declaringClass, String name) {
        try {
            Field f = Class.forName(declaringClass, false, target.getClass().getClassLoader()).getDeclaredField(name);
            f.setAccessible(true);
            return new FieldBinding(target, f);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the command model names a field that does not exist: "
                + declaringClass + "." + name + " (rebuild: mvn package)", e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
        try {
            return (T) field.get(target);
        } catch (IllegalAccessException e) {
            throw new PicocliException("Could not get value for field " + field, e);
        }
    }

    @Override
    public <T> T set(T value) {
        try {
            @SuppressWarnings("unchecked") T old = (T) field.get(target);
            field.set(target, value);
            return old;
        } catch (IllegalAccessException e) {
            throw new PicocliException("Could not set value for field " + field, e);
        }
    }
}
