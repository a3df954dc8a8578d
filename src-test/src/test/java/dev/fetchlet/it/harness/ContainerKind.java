package dev.fetchlet.it.harness;

/** The servlet containers the conformance suite deploys the example WAR into. */
public enum ContainerKind {
    /** Embedded Jetty 12 (ee10) through Fetchlet's own launcher, {@code FetchletServer}. */
    JETTY,
    /** Embedded Tomcat 11, the WAR deployed as the root web app. */
    TOMCAT
}
