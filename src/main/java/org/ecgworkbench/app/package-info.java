/** The JavaFX desktop workbench (MVVM): FXML views, view models (no javafx.scene), services. */
package org.ecgworkbench.app;
