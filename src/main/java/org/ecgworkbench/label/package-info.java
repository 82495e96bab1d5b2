/** The SNOMED CT diagnosis catalogue of the PhysioNet/CinC Challenge 2020: 27 scored classes, equivalent pairs, unscored classes, CPSC abbreviations, label vectors. */
package org.ecgworkbench.label;
