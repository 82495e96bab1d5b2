/**
 * The training wizard: data folders → classes and split → preprocessing → model → optimisation →
 * compute → review, one view model per page ({@code *ViewModel}, no scene graph) composed by
 * {@link org.ecgworkbench.app.wizard.TrainingWizardViewModel}, which turns the choices into
 * {@link org.ecgworkbench.train.TrainingConfig}s (each page sets its part on the builder; one per run of a
 * sweep) and, on Finish, into {@link org.ecgworkbench.runs.RunRequest}s for the runs room. {@link org.ecgworkbench.app.wizard.TrainingWizard} shows the ControlsFX wizard bound to it.
 */
package org.ecgworkbench.app.wizard;
