package org.djx.training;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the descriptor's {@code device} into DJL devices, given how many GPUs the engine sees:
 * {@code auto} takes every GPU and falls back to the CPU; {@code gpu} needs at least one;
 * {@code gpu:N} needs that one. Several GPUs train data-parallel.
 */
public final class DeviceSelector {

    private DeviceSelector() {}

    /**
     * @param requested the descriptor's device list, e.g. {@code [auto]} or {@code [gpu:0, gpu:1]}
     * @param gpuCount GPUs the engine sees
     * @param engine the engine's name, for messages
     * @throws TrainingException when a GPU is asked for that the engine does not see
     */
    public static Device[] select(List<String> requested, int gpuCount, String engine) {
        List<Device> devices = new ArrayList<>();
        for (String spec : requested) {
            switch (spec) {
                case "auto" -> {
                    if (gpuCount == 0) {
                        devices.add(Device.cpu());
                    } else {
                        for (int i = 0; i < gpuCount; i++) {
                            devices.add(Device.gpu(i));
                        }
                    }
                }
                case "cpu" -> devices.add(Device.cpu());
                case "gpu" -> {
                    if (gpuCount == 0) {
                        throw noGpu("gpu", gpuCount, engine);
                    }
                    for (int i = 0; i < gpuCount; i++) {
                        devices.add(Device.gpu(i));
                    }
                }
                default -> {
                    int id = Integer.parseInt(spec.substring("gpu:".length()));
                    if (id >= gpuCount) {
                        throw noGpu(spec, gpuCount, engine);
                    }
                    devices.add(Device.gpu(id));
                }
            }
        }
        return devices.stream().distinct().toArray(Device[]::new);
    }

    private static TrainingException noGpu(String spec, int gpuCount, String engine) {
        String sees = gpuCount == 0 ? "no GPU" : gpuCount + " GPU" + (gpuCount > 1 ? "s (gpu:0 to gpu:" + (gpuCount - 1) + ")" : " (gpu:0)");
        return new TrainingException("device '" + spec + "' was asked for, but the " + engine + " engine sees " + sees
                + (gpuCount == 0 ? "; use device: cpu or auto, or install a CUDA build of the engine (see README)" : ""));
    }

    /** How a device list reads in the store and on the terminal: {@code cpu}, {@code gpu:0,gpu:1}. */
    public static String describe(Device[] devices) {
        List<String> names = new ArrayList<>();
        for (Device d : devices) {
            names.add(d.isGpu() ? "gpu:" + d.getDeviceId() : "cpu");
        }
        return String.join(",", names);
    }
}
