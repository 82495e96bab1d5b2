package org.ecgworkbench.app.help;

/**
 * A main dependency and its licence, as its Maven POM declares it.
 *
 * @param artifact the Maven artifact id (checked against pom.xml by a test, so the list cannot drift)
 * @param name     what the user knows it as
 * @param licence  the licence's name
 */
public record Licence(String artifact, String name, String licence) {
}
