"""Starts `bewaar serve` on a free loopback port for a browser flow, and waits until it answers."""
import socket
import subprocess
import time


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
    return port


def start(bewaar, store, extra=(), env=None):
    """Returns (process, base URL); stops with a clear message when the server does not come up.
    `extra` are more arguments of `bewaar serve`, `env` its environment (default: this one)."""
    port = free_port()
    server = subprocess.Popen([bewaar, "serve", "--store", store, "--port", str(port), *extra],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.1)
        if server.poll() is not None:
            raise SystemExit("bewaar serve stopped: " + (server.stdout.read() if server.stdout else ""))
    server.kill()
    raise SystemExit("bewaar serve did not start")


def stop(server):
    """Ends the server (interrupt, then kill after ten seconds)."""
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
