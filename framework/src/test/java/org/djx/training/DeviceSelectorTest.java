package org.djx.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceSelectorTest {

    @Test
    void autoFallsBackToTheCpuWithoutGpus() {
        assertArrayEquals(new Device[] {Device.cpu()}, DeviceSelector.select(List.of("auto"), 0, "MXNet"));
    }

    @Test
    void autoAndGpuTakeEveryVisibleGpu() {
        Device[] two = {Device.gpu(0), Device.gpu(1)};
        assertArrayEquals(two, DeviceSelector.select(List.of("auto"), 2, "MXNet"));
        assertArrayEquals(two, DeviceSelector.select(List.of("gpu"), 2, "MXNet"));
        assertEquals("gpu:0,gpu:1", DeviceSelector.describe(two));
    }

    @Test
    void namedGpusAreTakenInOrderWithoutDuplicates() {
        assertArrayEquals(new Device[] {Device.gpu(1), Device.gpu(0)},
                DeviceSelector.select(List.of("gpu:1", "gpu:0", "gpu:1"), 2, "MXNet"));
        assertArrayEquals(new Device[] {Device.cpu()}, DeviceSelector.select(List.of("cpu"), 4, "MXNet"));
    }

    @Test
    void aGpuAskedForButAbsentSaysWhatTheEngineSees() {
        TrainingException none = assertThrows(TrainingException.class, () -> DeviceSelector.select(List.of("gpu"), 0, "MXNet"));
        assertEquals("device 'gpu' was asked for, but the MXNet engine sees no GPU; use device: cpu or auto, "
                + "or install a CUDA build of the engine (see README)", none.getMessage());
        TrainingException missing = assertThrows(TrainingException.class,
                () -> DeviceSelector.select(List.of("gpu:0", "gpu:2"), 2, "PyTorch"));
        assertTrue(missing.getMessage().startsWith("device 'gpu:2' was asked for, but the PyTorch engine sees 2 GPUs (gpu:0 to gpu:1)"),
                missing.getMessage());
    }
}
