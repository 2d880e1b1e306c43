package dev.mgmt.cli.model;

import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.PicocliException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;

/**
 * Reads and writes one field of one command object: what picocli's annotation scan would bind to.
 * Through a {@link VarHandle} called with the field's own primitive type, not core reflection: since
 * JDK 18, {@code Field.get/set} build a method-handle accessor per field that spins a few classes
 * at run time, which no start-up cache keeps (about 1 ms each; five of them on a plain
 * {@code get projects}). A VarHandle called with its erased type links to the JDK's pre-built guards.
 */
final class FieldBinding implements IGetter, ISetter {
    private final Object target;
    private final Class<?> type;
    private final VarHandle handle;

    private FieldBinding(Object target, Field field, VarHandle handle) {
        this.target = target;
        this.type = field.getType();
        this.handle = handle;
    }

    static FieldBinding of(Object target, String declaringClass, String name) {
        try {
            Class<?> owner = Class.forName(declaringClass, false, target.getClass().getClassLoader());
            Field f = owner.getDeclaredField(name);
            VarHandle h = MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).unreflectVarHandle(f);
            return new FieldBinding(target, f, h);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the command model names a field that does not exist: "
                + declaringClass + "." + name + " (rebuild: mvn package)", e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
        try {
            return (T) read();
        } catch (RuntimeException e) {
            throw new PicocliException("Could not get value for field " + type.getName() + " of " + target.getClass(), e);
        }
    }

    @Override
    public <T> T set(T value) {
        try {
            @SuppressWarnings("unchecked") T old = (T) read();
            write(value);
            return old;
        } catch (RuntimeException e) {
            throw new PicocliException("Could not set value for field " + type.getName() + " of " + target.getClass(), e);
        }
    }

    private Object read() {
        if (type == boolean.class) {
            return (boolean) handle.get(target);
        } else if (type == int.class) {
            return (int) handle.get(target);
        } else if (type == long.class) {
            return (long) handle.get(target);
        } else if (type == double.class) {
            return (double) handle.get(target);
        } else if (type == char.class) {
            return (char) handle.get(target);
        } else if (type.isPrimitive()) {
            throw new IllegalStateException("no command option has the type " + type);
        }
        return (Object) handle.get(target);
    }

    private void write(Object value) {
        if (type == boolean.class) {
            handle.set(target, (boolean) (Boolean) value);
        } else if (type == int.class) {
            handle.set(target, (int) (Integer) value);
        } else if (type == long.class) {
            handle.set(target, (long) (Long) value);
        } else if (type == double.class) {
            handle.set(target, (double) (Double) value);
        } else if (type == char.class) {
            handle.set(target, (char) (Character) value);
        } else if (type.isPrimitive()) {
            throw new IllegalStateException("no command option has the type " + type);
        } else {
            handle.set(target, value);
        }
    }
}
