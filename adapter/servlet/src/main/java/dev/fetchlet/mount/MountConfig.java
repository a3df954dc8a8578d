package dev.fetchlet.mount;

import dev.fetchlet.InitParam;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@link ServletConfig} a mounted servlet is initialized with: its name, the web app and its init parameters. */
final class MountConfig implements ServletConfig {
    private final String name;
    private final ServletContext context;
    private final Map<String, String> initParams;

    MountConfig(String name, ServletContext context, Map<String, String> initParams) {
        this.name = name;
        this.context = context;
        this.initParams = Collections.unmodifiableMap(new LinkedHashMap<>(initParams)); // declaration order
    }

    /**
     * The {@link InitParam}s on a class, in declaration order.
     *
     * @throws IllegalStateException if a name appears twice
     */
    static Map<String, String> initParams(Class<?> type) {
        Map<String, String> params = new LinkedHashMap<>();
        for (InitParam p : type.getAnnotationsByType(InitParam.class)) {
            if (params.putIfAbsent(p.name(), p.value()) != null) {
                throw new IllegalStateException(type.getName() + " has two @InitParam named \"" + p.name() + "\"");
            }
        }
        return params;
    }

    @Override
    public String getServletName() {
        return name;
    }

    @Override
    public ServletContext getServletContext() {
        return context;
    }

    @Override
    public String getInitParameter(String name) {
        return initParams.get(name);
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(initParams.keySet());
    }
}
