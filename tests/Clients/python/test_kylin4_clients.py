"""The call sequences of Kylin 4's real clients, replayed against kylin-mock --kylin 4.

Each test plays what one client sends and reads only what it reads (contract kylin4-v1-api.md section 5):
Airflow's KylinCubeOperator through kylinpy (5.2), kylinpy's v1 mode (5.1) and Kylin's CI client
kylin_utils/kylin.py of branch kylin4 (5.3). The clients themselves are run by hand (docs/kylin4.md);
these tests keep the mock from drifting away from them. The mock's manual clock moves over its control plane.
"""
import requests

ADMIN = ("ADMIN", "KYLIN")
PROJECT = "supply_chain"
CUBE = "otd_model"
DAY = 86_400_000
T0 = 1773446400000  # 2026-03-14T00:00:00Z, the day after otd_model's last segment
KYLINPY = {"User-Agent": "Kylin Python Client"}
CI = {"Content-Type": "application/json;charset=utf-8"}


def api(url):
    return url + "/kylin/api"


def advance(url, ms):
    requests.post(f"{url}/__kylinmock/clock/advance", json={"ms": ms}).raise_for_status()


def kylinpy_get(url, path, **params):
    # kylinpy: Basic auth, no Accept, sorted parameters, None dropped; an empty body reads as None.
    answer = requests.get(api(url) + path, auth=ADMIN, headers=KYLINPY,
                          params=sorted((k, v) for k, v in params.items() if v is not None))
    answer.raise_for_status()
    return answer.json() if answer.content else None


def kylinpy_datasource(url, cube):
    """Kylin.get_datasource (kylinpy.py:120-145): cube desc, the project's models, tables_and_columns; the fields CubeSource reads."""
    desc = kylinpy_get(url, f"/cube_desc/{cube}/desc")
    assert desc is not None, f"No Cube found: {cube}"
    model = [m for m in kylinpy_get(url, "/models", pageOffset=0, pageSize=1000, projectName=PROJECT) if m["name"] == desc["model_name"]][0]
    tables = {f"{t['table_SCHEM']}.{t['table_NAME']}": dict((c["column_NAME"], c) for c in t["columns"])
              for t in kylinpy_get(url, "/tables_and_columns", project=PROJECT)}
    lookups = {l["alias"]: l["table"] for l in model["lookups"]}
    for dim in desc["dimensions"]:
        table = lookups.get(dim["table"], model["fact_table"])
        column = dim["column"] if dim["derived"] is None else dim["derived"][0]
        assert column in tables[table], (table, column)
    assert all(m["function"]["parameter"]["type"] in ("column", "constant") for m in desc["measures"])
    return desc, model


def kylinpy_build(url, cube, build_type, start, end):
    answer = requests.put(f"{api(url)}/cubes/{cube}/build", auth=ADMIN, headers=KYLINPY,
                          json={"startTime": start, "endTime": end, "buildType": build_type})
    return answer


def airflow_track(url, job_id, step_ms=3000):
    """KylinCubeOperator's tracking (kylin_cube.py:156-172): GET /jobs/{uuid} -> job_status until a final status."""
    seen = []
    while not seen or seen[-1] not in {"FINISHED", "ERROR", "DISCARDED", "KILLED", "SUICIDAL", "STOPPED"}:
        advance(url, step_ms)
        seen.append(kylinpy_get(url, f"/jobs/{job_id}")["job_status"])
        assert len(seen) < 200
    return seen


def test_airflow_tracked_build_goes_pending_running_finished(kylin4):
    kylinpy_datasource(kylin4, CUBE)
    submitted = kylinpy_build(kylin4, CUBE, "BUILD", T0, T0 + DAY)
    assert submitted.status_code == 200, submitted.text
    job = submitted.json()
    assert job["job_status"] == "PENDING" and job["uuid"]
    seen = airflow_track(kylin4, job["uuid"])
    assert seen[0] == "PENDING" and "RUNNING" in seen and seen[-1] == "FINISHED"
    assert [s for i, s in enumerate(seen) if i == 0 or seen[i - 1] != s] == ["PENDING", "RUNNING", "FINISHED"]


def test_airflow_scripted_failure_fails_the_task(kylin4):
    model = [m for m in requests.get(f"{kylin4}/__kylinmock/models").json()["models"] if m["alias"] == CUBE][0]
    requests.put(f"{kylin4}/__kylinmock/models/{model['uuid']}/next_job", json={"plan": {"fail_at_step": 1}}).raise_for_status()
    kylinpy_datasource(kylin4, CUBE)
    job = kylinpy_build(kylin4, CUBE, "BUILD", T0, T0 + DAY).json()
    assert airflow_track(kylin4, job["uuid"])[-1] == "ERROR"  # Airflow: "Kylin job <id> status ERROR is error"


def test_airflow_paused_job_fails_the_task(kylin4):
    job = kylinpy_build(kylin4, CUBE, "BUILD", T0, T0 + DAY).json()
    paused = requests.put(f"{api(kylin4)}/jobs/{job['uuid']}/pause", auth=ADMIN)
    assert paused.json()["job_status"] == "STOPPED"
    assert airflow_track(kylin4, job["uuid"])[-1] == "STOPPED"


def test_airflow_against_kylin5_paths_gets_404_pages(kylin4):
    # A Kylin 5 path on a Kylin 4 server: Spring's 404, the web UI's HTML (contract 1.5).
    answer = requests.post(f"{api(kylin4)}/models/{CUBE}/segments", auth=ADMIN, json={})
    assert answer.status_code == 404 and answer.headers["Content-Type"].startswith("text/html")


def test_kylinpy_commands_and_jobs(kylin4):
    assert kylinpy_get(kylin4, "/user/authentication")["userDetails"]["username"] == "ADMIN"
    assert PROJECT in [p["name"] for p in kylinpy_get(kylin4, "/projects", pageOffset=0, pageSize=1000)]
    cubes = kylinpy_get(kylin4, "/cubes", limit=50000, offset=0, pageOffset=0, pageSize=1000, projectName=PROJECT)
    assert CUBE in [c["name"] for c in cubes]
    # KylinJob pause, resume, cancel, drop (job/kylin_job_object.py)
    job = kylinpy_build(kylin4, CUBE, "BUILD", T0, T0 + DAY).json()
    states = [requests.request(m, f"{api(kylin4)}/jobs/{job['uuid']}/{op}", auth=ADMIN, headers=KYLINPY).json()["job_status"]
              for m, op in [("PUT", "pause"), ("PUT", "resume"), ("PUT", "cancel"), ("DELETE", "drop")]]
    assert states == ["STOPPED", "PENDING", "DISCARDED", "DISCARDED"]
    assert kylinpy_get(kylin4, f"/jobs/{job['uuid']}") is None
    # build, merge, refresh (cube_source.py:170-230)
    built = kylinpy_build(kylin4, CUBE, "BUILD", T0, T0 + DAY).json()
    advance(kylin4, 600_000)
    assert kylinpy_get(kylin4, f"/jobs/{built['uuid']}")["job_status"] == "FINISHED"
    merged = kylinpy_build(kylin4, CUBE, "MERGE", T0 - DAY, T0 + DAY).json()
    assert merged["name"].startswith(f"MERGE CUBE - {CUBE} - ")
    advance(kylin4, 600_000)
    refreshed = kylinpy_build(kylin4, CUBE, "REFRESH", T0 - DAY, T0 + DAY).json()
    assert refreshed["job_status"] == "PENDING"
    advance(kylin4, 600_000)
    # list_segment, disable, delete (a 500 would be KylinCubeError)
    segments = kylinpy_get(kylin4, "/cubes", cubeName=CUBE, limit=50000, offset=0, pageOffset=0, pageSize=1000, projectName=PROJECT)[0]["segments"]
    assert requests.put(f"{api(kylin4)}/cubes/{CUBE}/disable", auth=ADMIN, headers=KYLINPY).json()["status"] == "DISABLED"
    deleted = requests.delete(f"{api(kylin4)}/cubes/{CUBE}/segs/{segments[-1]['name']}", auth=ADMIN, headers=KYLINPY)
    assert len(deleted.json()["segments"]) == len(segments) - 1
    # *_streaming: build2 is Kylin 4's 500
    streaming = requests.put(f"{api(kylin4)}/cubes/{CUBE}/build2", auth=ADMIN, json={"sourceOffsetStart": 0, "sourceOffsetEnd": 1, "buildType": "BUILD"})
    assert (streaming.status_code, streaming.json()["exception"]) == (500, "Unsupported in Kylin 4.0 .")
    # list_job sends a junk "params" key (kylin_service.py:124-131): ignored
    assert len(kylinpy_get(kylin4, "/jobs", limit=15, offset=0, projectName=PROJECT, params="x")) == 3  # build, merge, refresh (the first job was dropped)


def kylinpy_query(url, sql):
    """KylinService.query (kylin_service.py:95-107): the body kylinpy posts; a 500 becomes KylinQueryError."""
    return requests.post(api(url) + "/query", auth=ADMIN, headers=KYLINPY,
                         json={"acceptPartial": False, "limit": 50000, "offset": 0, "project": PROJECT, "sql": sql})


def test_kylinpy_dialect_query_reads_column_metas_and_results(kylin4):
    # kylinpy's SQLAlchemy dialect (v1) reads columnMetas' label and columnTypeName, then results; a cube answers it.
    answer = kylinpy_query(kylin4, "SELECT CATEGORY, COUNT(*) AS CNT FROM SCM.SKU GROUP BY CATEGORY ORDER BY CNT DESC")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert [(c["label"], c["columnTypeName"]) for c in body["columnMetas"]] == [("CATEGORY", "VARCHAR"), ("CNT", "BIGINT")]
    assert body["results"] and all(len(row) == 2 for row in body["results"])
    assert body["cube"].startswith("CUBE[name=") and body["isException"] is False


def test_kylinpy_dialect_failed_query_is_500_with_the_message(kylin4):
    # QueryService.doQueryWithCache rethrows a failed query as InternalErrorException: kylinpy raises KylinQueryError(msg).
    answer = kylinpy_query(kylin4, "SELECT * FROM SCM.NOPE")
    assert answer.status_code == 500
    assert "Object 'NOPE' not found within 'SCM'" in answer.json()["msg"]


def test_kylinpy_unknown_job_action_is_500_cannot_find_job(kylin4):
    answer = requests.put(f"{api(kylin4)}/jobs/nope/resume", auth=ADMIN, headers=KYLINPY)
    assert answer.status_code == 500
    assert answer.json()["exception"] == "org.apache.kylin.rest.exception.BadRequestException: Cannot find job: nope"


def test_ci_client_build_and_await_flow(kylin4):
    session = requests.Session()
    session.request("POST", api(kylin4) + "/user/authentication", auth=ADMIN)
    assert session.get(api(kylin4) + "/user/authentication", headers=CI).json()["userDetails"]["username"] == "ADMIN"

    def call(method, path, **kw):
        answer = requests.request(method, api(kylin4) + path, auth=ADMIN, headers=CI, **kw)
        data = answer.json() if answer.content else None  # json() before raise_for_status, as basic.py does
        answer.raise_for_status()
        return data

    def await_job(job_id):
        for _ in range(200):
            advance(kylin4, 5000)
            status = call("GET", f"/jobs/{job_id}")["job_status"]
            if status in ("ERROR", "FINISHED", "DISCARDED"):
                return status
        raise AssertionError("timeout")

    assert CUBE in [c["name"] for c in call("GET", "/cubes/", params={"projectName": PROJECT, "offset": 0, "limit": 10000})]
    first = call("PUT", f"/cubes/{CUBE}/build", json={"buildType": "BUILD", "startTime": str(T0), "endTime": str(T0 + DAY), "force": False})["uuid"]
    second = call("PUT", f"/cubes/{CUBE}/build", json={"buildType": "BUILD", "startTime": str(T0 + DAY), "endTime": str(T0 + 2 * DAY), "force": False})["uuid"]
    assert (await_job(first), await_job(second)) == ("FINISHED", "FINISHED")
    merge = call("PUT", f"/cubes/{CUBE}/build", json={"buildType": "MERGE", "startTime": T0, "endTime": T0 + 2 * DAY, "force": True})["uuid"]
    assert await_job(merge) == "FINISHED"
    refresh = call("PUT", f"/cubes/{CUBE}/build", json={"buildType": "REFRESH", "startTime": T0, "endTime": T0 + 2 * DAY, "force": True})
    assert refresh["steps"][0]["step_status"] == "PENDING" and await_job(refresh["uuid"]) == "FINISHED"
    assert call("GET", f"/jobs/{refresh['uuid']}/steps/{refresh['uuid']}-01/output")["cmd_output"]
    assert call("PUT", f"/cubes/{CUBE}/disable")["status"] == "DISABLED"
    call("PUT", f"/cubes/{CUBE}/purge")
    assert call("GET", f"/cubes/{CUBE}")["segments"] == []
    jobs = call("GET", "/jobs", params={"projectName": PROJECT, "offset": 0, "limit": 10000, "timeFilter": 1, "jobSearchMode": "ALL"})
    assert {j["job_status"] for j in jobs} == {"FINISHED"}


def test_ci_before_suite_calls(kylin4):
    auth = dict(auth=ADMIN, headers=CI)
    assert PROJECT in [p["name"] for p in requests.get(api(kylin4) + "/projects", params={"limit": 100, "offset": 0}, **auth).json()]
    models = requests.get(api(kylin4) + "/models", params={"limit": 100, "offset": 0, "modelName": CUBE, "projectName": PROJECT}, **auth).json()
    assert len(models) == 1
    assert requests.get(f"{api(kylin4)}/cubes/{CUBE}", **auth).json()["status"] == "READY"
    jobs = requests.get(api(kylin4) + "/jobs", params={"projectName": PROJECT, "offset": 0, "limit": 10000, "timeFilter": 1, "jobSearchMode": "CUBING_ONLY"}, **auth)
    assert jobs.json() == []
    assert requests.put(api(kylin4) + "/cache/all/all/update").status_code == 200
