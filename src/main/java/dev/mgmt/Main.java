package dev.mgmt;

import dev.mgmt.client.ProxyTunnelAuth;
import dev.mgmt.process.Env;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.time.Clock;

/** Process entry point: the real environment in, the exit code out. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Before any java.net.http class loads: it reads this setting once.
        ProxyTunnelAuth.allowBasic();
        // Unbuffered file streams: mgmt writes through its own PrintWriters and flushes them.
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        OutputStream stderr = new FileOutputStream(FileDescriptor.err);
        Terminals t = Terminals.detect();
        Env env = new Env(System.getenv(), System.in, stdout, stderr, t.stdin(), t.stdout(), t.stderr(),
            Clock.systemUTC());
        int code = MgmtCli.create(env).execute(args);
        System.exit(code);
    }
}
