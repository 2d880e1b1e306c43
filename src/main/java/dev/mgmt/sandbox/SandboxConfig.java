package dev.mgmt.sandbox;

import dev.mgmt.process.Sleeper;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Start-up settings of the sandbox.
 *
 * @param bindAddress address to listen on (loopback by default)
 * @param port        TCP port, 0 picks a free one
 * @param faults      fault specification, see {@link FaultSpec#grammarHelp()}; "" for none
 * @param seed        seed for every random choice (fault rates, jitter, generated ids)
 * @param dataFile    optional YAML/JSON file whose top-level sections replace the built-in seed data
 * @param clock       clock for token issue/expiry checks
 * @param sleeper     used for latency faults
 */
public record SandboxConfig(String bindAddress, int port, String faults, long seed, Path dataFile,
                            Clock clock, Sleeper sleeper) {

    public SandboxConfig {
        bindAddress = bindAddress == null || bindAddress.isBlank() ? "127.0.0.1" : bindAddress;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        faults = faults == null ? "" : faults;
        clock = clock == null ? Clock.systemUTC() : clock;
        sleeper = sleeper == null ? Sleeper.system() : sleeper;
    }

    public static SandboxConfig defaults() {
        return new SandboxConfig("127.0.0.1", 0, "", 42L, null, Clock.systemUTC(), Sleeper.system());
    }

    public SandboxConfig withBindAddress(String v) {
        return new SandboxConfig(v, port, faults, seed, dataFile, clock, sleeper);
    }

    public SandboxConfig withPort(int v) {
        return new SandboxConfig(bindAddress, v, faults, seed, dataFile, clock, sleeper);
    }

    public SandboxConfig withFaults(String v) {
        return new SandboxConfig(bindAddress, port, v, seed, dataFile, clock, sleeper);
    }

    public SandboxConfig withSeed(long v) {
        return new SandboxConfig(bindAddress, port, faults, v, dataFile, clock, sleeper);
    }

    public SandboxConfig withDataFile(Path v) {
        return new SandboxConfig(bindAddress, port, faults, seed, v, clock, sleeper);
    }

    public SandboxConfig withClock(Clock v) {
        return new SandboxConfig(bindAddress, port, faults, seed, dataFile, Objects.requireNonNull(v), sleeper);
    }

    public SandboxConfig withSleeper(Sleeper v) {
        return new SandboxConfig(bindAddress, port, faults, seed, dataFile, clock, Objects.requireNonNull(v));
    }
}
