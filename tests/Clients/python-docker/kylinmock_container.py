"""KylinMock as a container for Python tests, with the Docker SDK for Python (Debian's python3-docker).

    with KylinMockContainer(args=["--clock", "manual", "--now", "2026-03-15T12:00:00Z"]) as kylin:
        requests.get(f"{kylin.url}/kylin/api/jobs", params={"time_filter": 4}, auth=kylin.auth)
        kylin.reset()

The image is built here (`bash .ci/docker.sh build`), never pulled. `args` go to `serve` unchanged.
"""
import re

import docker
import requests

IMAGE = "kylinmock/kylin-mock:0.1.0"
READY = re.compile(r"KylinMock listening on http://\S+:(\d+) \(")


class KylinMockContainer:
    """Starts the image, waits for the readiness line and an UP health, hands out the URL, resets, stops."""

    auth = ("ADMIN", "KYLIN")

    def __init__(self, image=IMAGE, args=(), host_network=False):
        """host_network: share the Docker host's network (a daemon without a bridge); serve then listens
        on the host's loopback on a port it picks. Otherwise port 7070 is published on a free local port."""
        self.image, self.args, self.host_network = image, list(args), host_network
        self.container, self.url = None, None

    def start(self):
        client = docker.from_env()
        if self.host_network:
            self.container = client.containers.run(
                self.image, ["serve", *self.args, "--host", "127.0.0.1", "--port", "0"],
                network_mode="host", detach=True)
        else:
            self.container = client.containers.run(
                self.image, ["serve", *self.args], ports={"7070/tcp": ("127.0.0.1", None)}, detach=True)
        port = self._wait_for_readiness_line()
        if not self.host_network:
            self.container.reload()
            port = self.container.ports["7070/tcp"][0]["HostPort"]
        self.url = f"http://127.0.0.1:{port}"
        health = requests.get(f"{self.url}/__kylinmock/health", timeout=10).json()
        if health["status"] != "UP":
            raise RuntimeError(f"KylinMock is not UP: {health}")
        return self

    def reset(self):
        requests.post(f"{self.url}/__kylinmock/reset", timeout=10).raise_for_status()

    def stop(self):
        """SIGTERM (the image's stop signal); the mock stops itself. Returns its exit code."""
        self.container.stop(timeout=10)
        code = self.container.wait()["StatusCode"]
        self.container.remove()
        return code

    def __enter__(self):
        return self.start()

    def __exit__(self, *_):
        self.stop()

    def _wait_for_readiness_line(self):
        seen = []
        for line in self.container.logs(stream=True, follow=True):
            seen.append(line.decode())
            ready = READY.search("".join(seen))   # a chunk of the stream may hold part of a line
            if ready:
                return ready.group(1)
        self.container.remove(force=True)
        raise RuntimeError("KylinMock exited before it was ready:\n" + "".join(seen))
