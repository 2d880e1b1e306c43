package dev.mgmt.run;

/**
 * Marks a command that removes something. A typo is never answered with one of these: a user who
 * types "dlete" means to delete and can type it again; one who types "gett" must not be pointed at
 * a command that destroys.
 */
public interface Destructive {
}
