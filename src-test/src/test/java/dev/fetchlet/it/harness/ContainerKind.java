package dev.fetchlet.it.harness;

/** The servlet containers the conformance suite deploys the conformance WAR into. */
public enum ContainerKind {
    /** Embedded Jetty 12 (ee10) through Fetchlet's own launcher, {@code FetchletServer}. */
    JETTY,
    /** Embedded Tomcat 11, the WAR deployed as the root web app. */
    TOMCAT,
    /**
     * A standalone Apache Tomcat 10.1 (Servlet 6.0) in a process of its own, the WAR copied into its
     * {@code webapps/} folder as {@code ROOT.war}, as the README tells users to deploy it. Enabled by the
     * {@code appservers} Maven profile (see {@link EnabledContainers}).
     */
    TOMCAT_10,
    /** Payara Micro 6, a Jakarta EE 10 server, in a process of its own; enabled like {@link #TOMCAT_10}. */
    PAYARA,
    /**
     * Open Liberty 25 (Jakarta EE 10) with its {@code servlet-6.0} and {@code websocket-2.1} features, in a
     * process of its own; enabled like {@link #TOMCAT_10}.
     */
    LIBERTY,
    /**
     * WildFly 38 (Jakarta EE 10) with its default {@code standalone.xml}, in a process of its own, the WAR copied
     * into {@code standalone/deployments/} as {@code ROOT.war}; enabled like {@link #TOMCAT_10}. The WAR's
     * {@code WEB-INF/jboss-deployment-structure.xml} keeps its own logging and Jackson there.
     */
    WILDFLY
}
