package io.jsonrpcws.impl.dispatch;

import io.jsonrpcws.impl.dispatch.Corpus.Address;
import io.jsonrpcws.impl.dispatch.Corpus.Color;
import io.jsonrpcws.impl.dispatch.Corpus.Customer;

import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/** Generic types of params, by the name of a field of theirs. */
final class Types {

    List<Customer> customers;
    Map<String, Address> addresses;
    Optional<Address> maybeAddress;
    SortedMap<String, Integer> sorted;
    Set<Color> colors;
    List<int[]> intArrays;
    List<Object> objects;
    Map<Integer, String> intKeys;
    List<? extends Address> wildcard;
    EnumSet<Color> enumSet;
    Map<String, LocalDate> dates;

    private Types() {
    }

    static Type of(String field) {
        try {
            return Types.class.getDeclaredField(field).getGenericType();
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }
}
