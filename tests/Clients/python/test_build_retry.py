"""A client's retry of a failed Kylin build, against KylinMock over HTTP."""
import requests

AUTH = ("ADMIN", "KYLIN")
ACCEPT = {"Accept": "application/vnd.apache.kylin-v4-public+json"}


class JobClient:
    """The code under test: a tiny client of Kylin's job API."""

    def __init__(self, url):
        self.api = f"{url}/kylin/api"

    def status(self, job_id):
        page = requests.get(f"{self.api}/jobs", params={"time_filter": 4, "key": job_id},
                            auth=AUTH, headers=ACCEPT).json()
        return page["data"]["value"][0]["job_status"]

    def resume(self, job_id):
        requests.put(f"{self.api}/jobs/status", json={"action": "RESUME", "job_ids": [job_id]},
                     auth=AUTH, headers=ACCEPT).raise_for_status()


def submit(kylin, plan):
    job = requests.post(f"{kylin}/__kylinmock/jobs/submit", json={
        "project": "learn_kylin", "target_model": "m1", "plan": plan}).json()
    return job["id"]


def advance(kylin, ms):
    requests.post(f"{kylin}/__kylinmock/clock/advance", json={"ms": ms}).raise_for_status()


def test_client_resumes_a_failed_build_until_it_finishes(kylin):
    client = JobClient(kylin)
    job = submit(kylin, {"pickup_delay_ms": 1000, "step_durations_ms": [1000, 1000, 1000],
                         "fail_at_step": 1, "failing_runs": 1})

    advance(kylin, 3000)
    assert client.status(job) == "ERROR"

    client.resume(job)
    advance(kylin, 5000)
    assert client.status(job) == "FINISHED"

    resumes = requests.get(f"{kylin}/__kylinmock/journal/calls", params={
        "operation": "UpdateJobStatus", "action": "RESUME", "job_ids": job}).json()
    assert resumes["count"] == 1
    assert resumes["calls"][0]["status_update"]["job_ids"] == [job]


def test_each_test_starts_from_a_reset_mock(kylin):
    calls = requests.get(f"{kylin}/__kylinmock/journal/calls").json()
    assert calls["count"] == 0
