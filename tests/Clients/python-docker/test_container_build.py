"""A build followed from PENDING to FINISHED on the mock's clock, against the KylinMock container."""
import pytest
import requests

from kylinmock_container import KylinMockContainer

ACCEPT = {"Accept": "application/vnd.apache.kylin-v4-public+json"}


@pytest.fixture(scope="module")
def kylin():
    # CI's Docker daemon has no bridge: host networking (elsewhere leave host_network out).
    with KylinMockContainer(args=["--clock", "manual", "--now", "2026-03-15T12:00:00Z", "--jobs", "20"],
                            host_network=True) as mock:
        yield mock


@pytest.fixture(autouse=True)
def fresh_mock(kylin):
    kylin.reset()


def status(kylin, job_id):
    page = requests.get(f"{kylin.url}/kylin/api/jobs", params={"time_filter": 4, "key": job_id},
                        auth=kylin.auth, headers=ACCEPT).json()
    return page["data"]["value"][0]["job_status"]


def advance(kylin, ms):
    requests.post(f"{kylin.url}/__kylinmock/clock/advance", json={"ms": ms}).raise_for_status()


def test_a_build_goes_from_pending_to_finished_as_the_clock_moves(kylin):
    job = requests.post(f"{kylin.url}/__kylinmock/jobs/submit", json={
        "project": "learn_kylin", "target_model": "m1",
        "plan": {"pickup_delay_ms": 1000, "step_durations_ms": [10000, 10000, 10000]}}).json()["id"]

    assert status(kylin, job) == "PENDING"
    advance(kylin, 5000)
    assert status(kylin, job) == "RUNNING"
    advance(kylin, 30000)
    assert status(kylin, job) == "FINISHED"


def test_reset_forgets_submitted_jobs(kylin):
    requests.post(f"{kylin.url}/__kylinmock/jobs/submit", json={
        "project": "learn_kylin", "target_model": "m1"}).raise_for_status()
    kylin.reset()
    assert requests.get(f"{kylin.url}/__kylinmock/health").json()["jobs"] == 20


def test_the_container_stops_itself_on_sigterm():
    mock = KylinMockContainer(args=["--jobs", "1"], host_network=True).start()
    assert mock.stop() == 0
