package org.ecgworkbench.train;

/** The optimisers a run can use. */
public enum OptimizerKind {
    /** Adam (β1 0.9, β2 0.999), the dissertation's best. */
    ADAM,
    /** Stochastic gradient descent with (Nesterov) momentum. */
    SGD
}
