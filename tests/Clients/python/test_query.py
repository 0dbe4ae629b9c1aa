"""kylinpy's SQLAlchemy dialect against KylinMock, as the requests it sends.

kylinpy (version=v4) reflects through GET /kylin/api/query/tables_and_columns and queries with
POST /kylin/api/query, both with its User-Agent and the v4-public Accept; it reads data.columnMetas
and data.results and raises on a non-empty exceptionMessage.
"""
import requests

AUTH = ("ADMIN", "KYLIN")
HEADERS = {
    "User-Agent": "Kylin Python Client",
    "Accept": "application/vnd.apache.kylin-v4-public+json",
}


def query(kylin, project, sql):
    body = {"acceptPartial": False, "limit": 50000, "offset": 0, "project": project, "sql": sql}
    answer = requests.post(f"{kylin}/kylin/api/query", json=body, auth=AUTH, headers=HEADERS)
    answer.raise_for_status()
    return answer.json()["data"]


def test_reflection_lists_tables_and_columns(kylin):
    tables = requests.get(f"{kylin}/kylin/api/query/tables_and_columns", params={"project": "tpch"},
                          auth=AUTH, headers=HEADERS).json()["data"]
    names = {(t["table_SCHEM"], t["table_NAME"]) for t in tables}
    assert ("TPCH", "PARTSUPP") in names
    partsupp = next(t for t in tables if t["table_NAME"] == "PARTSUPP")
    assert [c["column_NAME"] for c in partsupp["columns"]][:3] == ["ID", "NAME", "CATEGORY"]


def test_group_by_answers_kylin_typed_rows(kylin):
    data = query(kylin, "tpch", "SELECT CATEGORY, COUNT(*) AS CNT, COUNT(DISTINCT NAME), SUM(AMOUNT) "
                                "FROM TPCH.PARTSUPP GROUP BY CATEGORY ORDER BY CNT DESC LIMIT 3")
    assert data["isException"] is False, data["exceptionMessage"]
    assert [m["label"] for m in data["columnMetas"]] == ["CATEGORY", "CNT", "EXPR$2", "EXPR$3"]
    assert [m["columnTypeName"] for m in data["columnMetas"]][1] == "BIGINT"
    assert len(data["results"]) == 3
    assert all(int(row[1]) > 0 for row in data["results"])


def test_select_one_is_a_constant_query(kylin):
    data = query(kylin, "tpch", "SELECT 1")
    assert data["engineType"] == "CONSTANTS"
    assert data["results"] == [["1"]]


def test_a_failed_query_is_http_200_with_the_message(kylin):
    data = query(kylin, "tpch", "SELECT NOPE FROM TPCH.PARTSUPP")
    assert data["isException"] is True
    assert "Column 'NOPE' not found in any table" in data["exceptionMessage"]
