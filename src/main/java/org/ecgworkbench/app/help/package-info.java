/**
 * The Help menu: the user guide (bundled in the jar, so the packaged app has it too), the keyboard
 * shortcuts read from the window's own menus, and About (version, licences of the main
 * dependencies, data credits, the not-a-medical-device statement), all from bundled texts.
 */
package org.ecgworkbench.app.help;
