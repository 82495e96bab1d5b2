/**
 * Reference annotations the measurements are validated against: a reader for WFDB (MIT format)
 * annotation files and the LUDB interval reference built from them.
 */
package org.ecgworkbench.measure.reference;
