package dev.mgmt.resources;

/** What a kind of resource lives under, and so which context a command needs. */
public enum Scope {
    /** Top level: projects, all environments. */
    GLOBAL,
    /** Inside a project: needs -p. */
    PROJECT,
    /** Inside an API proxy of a project: needs -p and --proxy. */
    PROXY,
    /** Inside a credential of a project: needs -p and --credential. */
    CREDENTIAL
}
