package org.tirelire.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The services' instances as configured in {@link ServiceProperties}, for Spring Cloud LoadBalancer:
 * an association runs a fixed, small number of instances, so a list in the configuration is all the
 * discovery it needs (no registry to run). Calls go round-robin; one reaching an instance that is down
 * is refused at connection and tried on the next (see {@link ApiRoutes}).
 */
@Component
class PlatformServiceInstances implements ReactiveDiscoveryClient {

    private final Map<String, List<URI>> instances;

    PlatformServiceInstances(ServiceProperties services) {
        this.instances = services.instancesByService();
    }

    @Override
    public String description() {
        return "Tirelire services from tirelire.services.*-uri";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        List<URI> uris = instances.getOrDefault(serviceId, List.of());
        return Flux.range(0, uris.size())
                .map(index -> new DefaultServiceInstance(
                        serviceId + "-" + (index + 1),
                        serviceId,
                        uris.get(index).getHost(),
                        uris.get(index).getPort(),
                        "https".equals(uris.get(index).getScheme())));
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(instances.keySet());
    }
}
