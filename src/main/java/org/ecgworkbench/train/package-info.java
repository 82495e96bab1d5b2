/** Training configuration, the trainer, progress events, checkpoints and threshold tuning. Never imports JavaFX. */
package org.ecgworkbench.train;
