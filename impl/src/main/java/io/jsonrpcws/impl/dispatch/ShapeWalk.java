package io.jsonrpcws.impl.dispatch;

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

    /** Marks an array among the open structures; compared by identity, so no member's name is taken for it. */
    private static final String IN_ARRAY = new String("[]");

    private final Shape root;
    /**
     * Per open array or object, outermost first: its shape and the shape of its current member or element
     * (two entries each), its current member's name ({@link #IN_ARRAY} for an array), its current element's
     * index. Small at first: most params nest a level or two.
     */
    private Shape[] shapes = new Shape[8];
    private String[] name = new String[4];
    private int[] index = new int[4];
    private int depth;
    private final Event first;
    private Event last;
    private Shape lastShape;

    /**
     * @param root  the shape of the param's type
     * @param first the value's first event
     */
    ShapeWalk(Shape root, Event first) {
        this.root = root;
        this.first = first;
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
                Shape member = shapes[2 * top].member(name[top]);
                shapes[2 * top + 1] = member == null ? Shape.UNKNOWN : member;
            }
            case START_ARRAY, START_OBJECT -> {
                Shape shape = next();
                lastShape = shape;
                if (shape.refuses(e)) {
                    throw new ParamRefusal(where(depth) + "expected " + shape.expected() + ", got " + Shape.found(e));
                }
                push(shape, e == Event.START_ARRAY);
            }
            case END_ARRAY, END_OBJECT -> lastShape = shapes[2 * --depth];
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
            lastShape = shapes[2 * --depth];
            last = e == Event.START_ARRAY ? Event.END_ARRAY : Event.END_OBJECT;
        } else {
            lastShape = next();
            last = e;
        }
    }

    /** What JSON-B's failure is about, as far as the events read tell. */
    String failure() {
        if (last == null) {
            return about(root, first);
        }
        if (last == Event.KEY_NAME) {
            int top = depth - 1;
            return where(top) + (shapes[2 * top + 1] == Shape.UNKNOWN
                    ? "unknown member \"" + clip(name[top]) + "\"" : "this object is not accepted");
        }
        // the open structures that lead to the value JSON-B failed on
        int frames = last == Event.START_ARRAY || last == Event.START_OBJECT ? depth - 1 : depth;
        if (lastShape == Shape.UNKNOWN) {
            return where(frames - 1) + "unknown member \"" + clip(name[frames - 1]) + "\"";
        }
        Event kind = last == Event.END_ARRAY ? Event.START_ARRAY : last == Event.END_OBJECT ? Event.START_OBJECT : last;
        return where(frames) + about(lastShape, kind);
    }

    /** For a value that JSON-B read only the beginning of. */
    String readInPart() {
        return about(root, first);
    }

    private static String about(Shape shape, Event e) {
        if (!shape.fits(e)) {
            return "expected " + shape.expected() + ", got " + Shape.found(e);
        }
        String found = Shape.found(e);
        String noun = found.startsWith("an ") ? found.substring(3) : found.startsWith("a ") ? found.substring(2) : "value";
        return "this " + noun + " is not accepted"
                + (shape == Shape.ANY || shape == Shape.UNKNOWN || shape.expected().equals(found) ? "" : " (expected " + shape.expected() + ")");
    }

    private Shape next() {
        if (depth == 0) {
            return root;
        }
        int top = depth - 1;
        if (name[top] == IN_ARRAY) {
            index[top]++;
        }
        return shapes[2 * top + 1];
    }

    private void push(Shape shape, boolean isArray) {
        if (depth == name.length) {
            int n = depth * 2;
            shapes = Arrays.copyOf(shapes, 2 * n);
            name = Arrays.copyOf(name, n);
            index = Arrays.copyOf(index, n);
        }
        shapes[2 * depth] = shape;
        shapes[2 * depth + 1] = isArray ? shape.element() : Shape.ANY;
        name[depth] = isArray ? IN_ARRAY : null;
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
            if (name[i] == IN_ARRAY) {
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
