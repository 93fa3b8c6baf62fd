package io.jsonrpcws.impl.engine;

import jakarta.json.stream.JsonParser.Event;

import java.util.Arrays;

/**
 * Follows the events of one param value, as JSON-B reads them, along the {@link Shape} of the param's type.
 * It refuses at once what JSON-B would bind with loss (a fraction or an out-of-range number for an integer
 * type, an infinite number for a {@code double}, an array for an {@code int}), by throwing
 * {@link ParamRefusal}; and when JSON-B fails on its own, it says where and what was expected, in the
 * client's terms. One per param value; not thread-safe.
 */
final class ShapeWalk {

    private static final int MAX_NAME = 40;

    private final Shape root;
    /** Per open array or object, outermost first: its shape, the shape of its current member or element, ... */
    private Shape[] open = new Shape[8];
    private Shape[] child = new Shape[8];
    private boolean[] array = new boolean[8];
    /** ... its current member's name, and its current element's index. */
    private String[] name = new String[8];
    private int[] index = new int[8];
    private int depth;
    private Event last;
    private Shape lastShape;
    private boolean unknownMember;

    ShapeWalk(Shape root) {
        this.root = root;
    }

    /**
     * Follows one event the consumer reads, the parser on it.
     *
     * @throws ParamRefusal for a value that must not be bound
     */
    void event(Event e, ReplayParser parser) {
        last = e;
        switch (e) {
            case KEY_NAME -> {
                int top = depth - 1;
                name[top] = parser.getString();
                Shape member = open[top].member(name[top]);
                unknownMember = member == null;
                child[top] = member == null ? Shape.ANY : member;
            }
            case START_ARRAY, START_OBJECT -> {
                Shape shape = next();
                lastShape = shape;
                if (shape.refuses(e)) {
                    throw new ParamRefusal(where(depth) + "expected " + shape.expected() + ", got " + Shape.found(e));
                }
                push(shape, e == Event.START_ARRAY);
            }
            case END_ARRAY, END_OBJECT -> lastShape = open[--depth];
            default -> {
                Shape shape = next();
                lastShape = shape;
                if (shape.refuses(e)) {
                    throw new ParamRefusal(where(depth) + "expected " + shape.expected() + ", got " + Shape.found(e));
                }
                String problem = shape.check(e, parser);
                if (problem != null) {
                    throw new ParamRefusal(where(depth) + problem);
                }
            }
        }
    }

    /**
     * The consumer read a whole value at once, past this walk: a structure whose start the walk has seen
     * ({@code started}), or a value starting with {@code e} that it has not.
     */
    void consumed(Event e, boolean started) {
        if (started) {
            lastShape = open[--depth];
            last = e == Event.START_ARRAY ? Event.END_ARRAY : Event.END_OBJECT;
        } else {
            lastShape = next();
            last = e;
        }
    }

    /** What JSON-B's failure is about, as far as the events read tell. */
    String failure() {
        if (last == null) {
            return "expected " + root.expected();
        }
        return switch (last) {
            case KEY_NAME -> unknownMember
                    ? where(depth - 1) + "unknown member \"" + clip(name[depth - 1]) + "\""
                    : where(depth - 1) + "this object is not accepted";
            case START_ARRAY, START_OBJECT -> where(depth - 1) + about(lastShape, last);
            case END_ARRAY -> where(depth) + about(lastShape, Event.START_ARRAY);
            case END_OBJECT -> where(depth) + about(lastShape, Event.START_OBJECT);
            default -> where(depth) + about(lastShape, last);
        };
    }

    /** For a value that JSON-B read only the beginning of. */
    String readInPart() {
        return "expected " + root.expected();
    }

    private static String about(Shape shape, Event e) {
        if (!shape.fits(e)) {
            return "expected " + shape.expected() + ", got " + Shape.found(e);
        }
        String found = Shape.found(e);
        String noun = found.startsWith("an ") ? found.substring(3) : found.startsWith("a ") ? found.substring(2) : "value";
        return "this " + noun + " is not accepted"
                + (shape == Shape.ANY || shape.expected().equals(found) ? "" : " (expected " + shape.expected() + ")");
    }

    private Shape next() {
        if (depth == 0) {
            return root;
        }
        int top = depth - 1;
        if (array[top]) {
            index[top]++;
        }
        return child[top];
    }

    private void push(Shape shape, boolean isArray) {
        if (depth == open.length) {
            int n = depth * 2;
            open = Arrays.copyOf(open, n);
            child = Arrays.copyOf(child, n);
            array = Arrays.copyOf(array, n);
            name = Arrays.copyOf(name, n);
            index = Arrays.copyOf(index, n);
        }
        open[depth] = shape;
        array[depth] = isArray;
        child[depth] = isArray ? shape.element() : Shape.ANY;
        name[depth] = null;
        index[depth] = -1;
        depth++;
    }

    /** "at home.tags[2]: " for the value that {@code frames} open structures lead to; "" for the param itself. */
    private String where(int frames) {
        if (frames <= 0) {
            return "";
        }
        StringBuilder path = new StringBuilder("at ");
        for (int i = 0; i < frames; i++) {
            if (array[i]) {
                path.append('[').append(index[i]).append(']');
            } else {
                path.append(i == 0 ? "" : ".").append(clip(name[i]));
            }
        }
        return path.append(": ").toString();
    }

    /** A member name as sent: the client's text, so cut short. */
    private static String clip(String memberName) {
        if (memberName == null) {
            return "?";
        }
        return memberName.length() <= MAX_NAME ? memberName : memberName.substring(0, MAX_NAME) + "...";
    }
}
