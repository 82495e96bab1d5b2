/** Signal preprocessing: resampling, filters, normalisation, length policies and the serialisable Pipeline. Never imports DL4J or JavaFX. */
package org.ecgworkbench.signal;
