package org.djx.descriptor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a descriptor cannot be used; carries every problem found, not just the first.
 * The CLI prints one problem per line and exits with status 2.
 */
public class DescriptorException extends RuntimeException {

    private final List<Problem> problems;

    public DescriptorException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public DescriptorException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
