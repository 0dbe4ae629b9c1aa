"""One KylinMock for the whole pytest session, reset before each test.

The mock is the `kylin-mock` command (the single binary or the dotnet tool; KYLIN_MOCK names
another path). It starts on a free port with a manual clock, and its readiness line gives the URL.
"""
import os
import re
import subprocess

import pytest
import requests

READY = re.compile(r"KylinMock listening on (http://\S+)")


def _serve(*extra):
    command = [os.environ.get("KYLIN_MOCK", "kylin-mock"), "serve", "--port", "0",
               "--clock", "manual", "--now", "2026-03-15T12:00:00Z", *extra]
    mock = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seen = []
    for line in mock.stdout:
        seen.append(line)
        ready = READY.search(line)
        if ready:
            break
    else:
        mock.wait()
        raise RuntimeError("kylin-mock exited before it was ready:\n" + "".join(seen))
    return mock, ready.group(1)


@pytest.fixture(scope="session")
def kylin():
    mock, url = _serve()
    yield url
    mock.terminate()
    mock.wait(timeout=30)


@pytest.fixture(scope="session")
def kylin4_server():
    """A second mock in Kylin 4 mode (the legacy v1 API), its estate without jobs so every cube is READY."""
    mock, url = _serve("--kylin", "4", "--jobs", "0")
    yield url
    mock.terminate()
    mock.wait(timeout=30)


@pytest.fixture
def kylin4(kylin4_server):
    requests.post(f"{kylin4_server}/__kylinmock/reset").raise_for_status()
    return kylin4_server


@pytest.fixture(autouse=True)
def fresh_mock(kylin):
    requests.post(f"{kylin}/__kylinmock/reset").raise_for_status()
