/**
 * Experiment descriptors: from a YAML file to an immutable {@link org.djx.descriptor.Experiment}.
 *
 * <p>The path a descriptor takes: {@link org.djx.descriptor.YamlReader} parses it, remembering the
 * line and column of every key and value in a {@link org.djx.descriptor.SourceMap} and rejecting
 * duplicate keys; {@link org.djx.descriptor.DescriptorLoader} resolves {@code extends} and applies
 * {@link org.djx.descriptor.Overrides} ({@code --set}); the binder applies defaults and checks
 * types and ranges, collecting every {@link org.djx.descriptor.Problem} rather than stopping at
 * the first. Plugin parameters and shapes are checked afterwards by the planner, against the
 * plugins found at run time. {@link org.djx.descriptor.Canonical} gives the effective descriptor
 * a canonical JSON form and a stable hash.
 *
 * <p>Every key, default and merge rule is documented for users in {@code experiments/README.md}.
 */
package org.djx.descriptor;
