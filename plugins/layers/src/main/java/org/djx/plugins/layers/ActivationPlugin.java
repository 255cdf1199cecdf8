package org.djx.plugins.layers;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import java.util.List;
import java.util.function.Function;
import org.djx.plugin.LayerPlugin;
import org.djx.plugin.ParamSpec;
import org.djx.plugin.ParamType;
import org.djx.plugin.Params;

/**
 * Element-wise activations: they keep the shape and take at most one parameter. Each one is a
 * tiny subclass because a plugin is bound by class.
 */
public abstract class ActivationPlugin implements LayerPlugin {

    private final String description;
    private final List<ParamSpec> parameters;
    private final Function<Params, Block> block;

    ActivationPlugin(String description, List<ParamSpec> parameters, Function<Params, Block> block) {
        this.description = description;
        this.parameters = parameters;
        this.block = block;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<ParamSpec> parameters() {
        return parameters;
    }

    @Override
    public Shape outputShape(Params p, Shape input) {
        return input;
    }

    @Override
    public Block build(Params p, Shape input) {
        return block.apply(p);
    }

    private static ParamSpec alpha(double value, String description) {
        return ParamSpec.of("alpha", ParamType.NUMBER, description).withDefault(value).atLeast(0);
    }

    /** {@code relu}. */
    public static final class Relu extends ActivationPlugin {
        public Relu() {
            super("Rectified linear unit: max(x, 0)", List.of(), p -> Activation.reluBlock());
        }
    }

    /** {@code leaky-relu}. */
    public static final class LeakyRelu extends ActivationPlugin {
        public LeakyRelu() {
            super("Leaky ReLU: x for x > 0, alpha * x otherwise",
                    List.of(alpha(0.01, "Slope for negative inputs.")), p -> Activation.leakyReluBlock(p.getFloat("alpha")));
        }
    }

    /** {@code elu}. */
    public static final class Elu extends ActivationPlugin {
        public Elu() {
            super("Exponential linear unit: x for x > 0, alpha * (exp(x) - 1) otherwise",
                    List.of(alpha(1.0, "Scale of the negative part.")), p -> Activation.eluBlock(p.getFloat("alpha")));
        }
    }

    /** {@code gelu}. */
    public static final class Gelu extends ActivationPlugin {
        public Gelu() {
            super("Gaussian error linear unit", List.of(), p -> Activation.geluBlock());
        }
    }

    /** {@code tanh}. */
    public static final class Tanh extends ActivationPlugin {
        public Tanh() {
            super("Hyperbolic tangent", List.of(), p -> Activation.tanhBlock());
        }
    }

    /** {@code sigmoid}. */
    public static final class Sigmoid extends ActivationPlugin {
        public Sigmoid() {
            super("Logistic sigmoid: 1 / (1 + exp(-x))", List.of(), p -> Activation.sigmoidBlock());
        }
    }

    /** {@code softplus}. */
    public static final class Softplus extends ActivationPlugin {
        public Softplus() {
            super("Softplus: log(1 + exp(x))", List.of(), p -> Activation.softPlusBlock());
        }
    }

    /** {@code swish}. */
    public static final class Swish extends ActivationPlugin {
        public Swish() {
            super("Swish: x * sigmoid(beta * x)",
                    List.of(ParamSpec.of("beta", ParamType.NUMBER, "Sharpness of the sigmoid gate.").withDefault(1.0)),
                    p -> Activation.swishBlock(p.getFloat("beta")));
        }
    }
}
