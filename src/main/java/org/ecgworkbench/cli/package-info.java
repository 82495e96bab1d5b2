/** The picocli command line: one command per engine capability, terminal progress. Never imports JavaFX. */
package org.ecgworkbench.cli;
