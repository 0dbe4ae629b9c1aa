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


@pytest.fixture(scope="session")
def kylin():
    command = [os.environ.get("KYLIN_MOCK", "kylin-mock"), "serve", "--port", "0",
               "--clock", "manual", "--now", "2026-03-15T12:00:00Z"]
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
    yield ready.group(1)
    mock.terminate()
    mock.wait(timeout=30)


@pytest.fixture(autouse=True)
def fresh_mock(kylin):
    requests.post(f"{kylin}/__kylinmock/reset").raise_for_status()
