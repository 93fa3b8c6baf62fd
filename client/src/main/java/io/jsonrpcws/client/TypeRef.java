package io.jsonrpcws.client;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;

/**
 * A generic result type, captured by an anonymous subclass: {@code new TypeRef<List<Item>>() {}}. Calls that take
 * one complete with a stage of that type, no cast and no hand-made {@code ParameterizedType} needed:
 *
 * <pre>{@code
 * CompletionStage<List<Item>> items = client.call("shop.items", new TypeRef<List<Item>>() {}, "books");
 * }</pre>
 *
 * <p>Immutable; may be kept in a constant and shared. Two type references are equal when their types are.
 *
 * @param <T> the result type
 */
public abstract class TypeRef<T> {

    private final Type type;

    /**
     * Captures the type argument of the anonymous subclass.
     *
     * @throws IllegalStateException when the subclass does not extend {@code TypeRef} directly with a concrete type
     *                               ({@code new TypeRef<T>() {}} inside a generic method captures only {@code T})
     */
    protected TypeRef() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType p) || p.getRawType() != TypeRef.class) {
            throw new IllegalStateException(getClass().getName() + " must extend TypeRef<T> directly with a type "
                    + "argument, as in new TypeRef<List<Item>>() {}");
        }
        type = p.getActualTypeArguments()[0];
        if (type instanceof TypeVariable<?> v) {
            throw new IllegalStateException("TypeRef needs a concrete type, not the type variable " + v.getName());
        }
    }

    /** The captured type, such as {@code java.util.List<Item>}. */
    public final Type type() {
        return type;
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof TypeRef<?> t && t.type.equals(type);
    }

    @Override
    public final int hashCode() {
        return type.hashCode();
    }

    @Override
    public String toString() {
        return "TypeRef<" + type.getTypeName() + ">";
    }
}
