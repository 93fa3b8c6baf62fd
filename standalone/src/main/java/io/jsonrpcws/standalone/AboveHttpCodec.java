package io.jsonrpcws.standalone;

import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * A Grizzly filter that installs itself right above the listener's HTTP codec, where each request arrives as its
 * parts are parsed and each answer passes as it is written, before Tyrus and the HTTP handlers see them.
 */
abstract class AboveHttpCodec extends BaseFilter implements AddOn {

    @Override
    public final void setup(NetworkListener listener, FilterChainBuilder builder) {
        int codec = builder.indexOfType(HttpServerFilter.class);
        if (codec < 0) {
            throw new IllegalStateException("no Grizzly HTTP codec in the filter chain of " + listener.getName());
        }
        builder.add(codec + 1, this);
    }
}
