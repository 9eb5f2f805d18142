"""The demo upstream's HTTP API: every endpoint, region scoping and in-memory writes."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from demo.app import create_app
from demo.generate import generate
from demo.ids import luhn_check_digit
from demo.models import Dataset

API = "/api/v1"
HANBIN = "610902"  # 汉滨区
XINCHENG = "610902001"  # 新城街道, a township of 汉滨区


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return generate()


@pytest.fixture
def client(ds: Dataset) -> Iterator[TestClient]:
    # A fresh app per test: create_app copies the data set, so writes never leak.
    with TestClient(create_app(ds)) as test_client:
        yield test_client


def get_json(client: TestClient, path: str, status: int = 200) -> Any:
    response = client.get(API + path)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def first_person_in(ds: Dataset, prefix: str) -> str:
    return next(p.person_id for p in ds.persons.values() if p.region_code.startswith(prefix))


def test_health(client: TestClient) -> None:
    assert get_json(client, "/health") == {"status": "ok"}


def test_unknown_paths_and_regions_are_json_404(client: TestClient) -> None:
    assert get_json(client, "/nope", 404)["detail"]
    assert get_json(client, "/regions/999999/persons", 404)["detail"]
    assert get_json(client, f"/regions/{HANBIN}/persons/P00000000000", 404)["detail"]


@pytest.mark.parametrize(
    ("region", "count"),
    # 汉阴县 has one person more: the second registration of a 汉滨区 person (demo/twins.py).
    [("610900", 601), (HANBIN, 60), ("610921", 61)],
)
def test_person_list_is_scoped_by_region(client: TestClient, region: str, count: int) -> None:
    body = get_json(client, f"/regions/{region}/persons?size=500")
    assert body["total"] == count
    assert len(body["items"]) == min(count, 500)  # the page size cap
    prefix = "6109" if region == "610900" else region
    assert all(item["regionCode"].startswith(prefix) for item in body["items"])


def test_township_sees_only_its_own(client: TestClient, ds: Dataset) -> None:
    body = get_json(client, f"/regions/{XINCHENG}/persons?size=500")
    expected = [p for p in ds.persons.values() if p.region_code.startswith(XINCHENG)]
    assert body["total"] == len(expected) > 0
    assert all(item["regionCode"].startswith(XINCHENG) for item in body["items"])
    village = expected[0].region_code
    body = get_json(client, f"/regions/{village}/persons?size=500")
    assert {item["regionCode"] for item in body["items"]} == {village}


def test_paging_and_search(client: TestClient, ds: Dataset) -> None:
    body = get_json(client, "/regions/610900/persons?page=2&size=7")
    assert (body["page"], body["size"], len(body["items"])) == (2, 7, 7)
    assert body["items"][0]["personId"] == list(ds.persons)[7]
    assert get_json(client, "/regions/610900/persons?size=100000")["size"] == 500
    assert client.get(API + "/regions/610900/persons?page=0").status_code == 422
    surname = next(iter(ds.persons.values())).name[0]
    found = get_json(client, f"/regions/610900/persons?q={surname}&size=500")["items"]
    assert found and all(surname in item["name"] for item in found)


def test_person_detail_and_other_district_is_404(client: TestClient, ds: Dataset) -> None:
    person_id = first_person_in(ds, HANBIN)
    person = get_json(client, f"/regions/{HANBIN}/persons/{person_id}")
    assert person["personId"] == person_id and len(person["idNumber"]) == 18
    assert get_json(client, f"/regions/610900/persons/{person_id}")["personId"] == person_id
    get_json(client, f"/regions/610921/persons/{person_id}", 404)


def test_household_with_members(client: TestClient, ds: Dataset) -> None:
    household = next(h for h in ds.households.values() if len(h.member_ids) > 2)
    body = get_json(client, f"/regions/{household.region_code[:6]}/households/{household.household_id}")
    assert [m["personId"] for m in body["members"]] == household.member_ids
    get_json(client, f"/regions/610929/households/{household.household_id}", 404)


def test_cases_filter_and_detail(client: TestClient, ds: Dataset) -> None:
    body = get_json(client, "/regions/610900/cases?program=dibao&size=500")
    assert body["total"] == sum(c.program == "dibao" for c in ds.cases.values())
    assert {item["program"] for item in body["items"]} == {"dibao"}
    assert client.get(API + "/regions/610900/cases?program=bogus").status_code == 422
    case = body["items"][0]
    assert get_json(client, f"/regions/{case['regionCode']}/cases/{case['caseId']}") == case


def test_payments_filter_by_case(client: TestClient, ds: Dataset) -> None:
    payment = next(iter(ds.payments.values()))
    body = get_json(client, f"/regions/{HANBIN}/payments?caseId={payment.case_id}")
    assert body["total"] >= 1
    assert {item["caseId"] for item in body["items"]} == {payment.case_id}
    assert get_json(client, "/regions/610900/payments")["total"] == len(ds.payments)


@pytest.mark.parametrize("kind", ["elderly-care", "child-welfare"])
def test_care_lists(client: TestClient, kind: str) -> None:
    everything = get_json(client, f"/regions/610900/{kind}?size=500")
    assert everything["total"] > 0
    hanbin = get_json(client, f"/regions/{HANBIN}/{kind}?size=500")
    assert hanbin["total"] < everything["total"]
    assert all(item["regionCode"].startswith(HANBIN) for item in hanbin["items"])


def test_legacy_dibao_uses_pinyin_keys_and_evasive_shapes(client: TestClient) -> None:
    body = get_json(client, f"/regions/{HANBIN}/legacy/dibao?size=500")
    assert body["code"] == 200 and body["total"] == len(body["rows"]) > 0
    for key in ("xm", "sfzh", "lxdh", "jtzz", "yhkh", "csrq", "xb"):
        assert all(key in row for row in body["rows"])
    sfzh = [row["sfzh"] for row in body["rows"]]
    assert any(s[0] == "６" for s in sfzh)  # full-width digits
    assert any("\u200b" in s for s in sfzh)  # zero-width space inside
    assert any(row["lxdh"].startswith("+86 1") for row in body["rows"])
    assert all(row["qhdm"].startswith(HANBIN) for row in body["rows"])


def test_csv_export_has_header_and_one_row_per_person(client: TestClient) -> None:
    response = client.get(API + f"/regions/{HANBIN}/export/persons.csv")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert rows[0][:5] == ["姓名", "身份证号码", "联系电话", "家庭住址", "银行卡号"]
    assert len(rows) == 1 + 60
    assert all(row[11].startswith(HANBIN) for row in rows[1:])


def test_json_export(client: TestClient) -> None:
    body = get_json(client, f"/regions/{XINCHENG}/export/persons.json")
    assert isinstance(body, list) and body
    assert all(item["regionCode"].startswith(XINCHENG) for item in body)


def test_doc4k_is_fixed(client: TestClient) -> None:
    response = client.get(API + "/static/doc4k")
    assert response.status_code == 200
    assert 3500 < len(response.content) < 5500
    assert len(json.loads(response.content)["items"]) == 10
    with TestClient(create_app(generate(seed=1, persons_per_district=2))) as other:
        assert other.get(API + "/static/doc4k").content == response.content


# --- writes -----------------------------------------------------------------------------


def test_case_lifecycle(client: TestClient, ds: Dataset) -> None:
    person_id = first_person_in(ds, HANBIN)
    base = f"{API}/regions/{HANBIN}/cases"
    created = client.post(base, json={"personId": person_id, "program": "linshi", "amount": 1200, "operator": "op-1"})
    assert created.status_code == 201, created.text
    case = created.json()
    assert (case["status"], case["applicantPersonId"], case["createdBy"]) == (
        "pending",
        person_id,
        "op-1",
    )
    case_url = f"{base}/{case['caseId']}"
    assert client.get(case_url).json() == case

    payment = {"period": "2026-11", "amount": 1200, "operator": "op-2"}
    assert client.post(case_url + "/payments", json=payment).status_code == 409  # not approved
    approved = client.post(case_url + "/approve", json={"approver": "op-2"})
    assert approved.status_code == 200 and approved.json()["approvedBy"] == "op-2"
    assert client.post(case_url + "/approve", json={"approver": "op-2"}).status_code == 409

    paid = client.post(case_url + "/payments", json=payment)
    assert paid.status_code == 201, paid.text
    assert paid.json()["payeeBankCard"] == ds.persons[person_id].bank_card
    assert client.post(case_url + "/payments", json=payment).status_code == 409  # same period
    listed = client.get(f"{API}/regions/{HANBIN}/payments?caseId={case['caseId']}").json()
    assert [p["paymentId"] for p in listed["items"]] == [paid.json()["paymentId"]]


def test_writes_are_validated_and_scoped(client: TestClient, ds: Dataset) -> None:
    person_id = first_person_in(ds, HANBIN)
    url = f"{API}/regions/{HANBIN}/cases"
    good = {"personId": person_id, "program": "dibao", "amount": 500, "operator": "op-1"}
    for bad in (
        {**good, "program": "bogus"},
        {**good, "amount": -1},
        {**good, "operator": ""},
        {**good, "extra": 1},
        {k: v for k, v in good.items() if k != "amount"},
    ):
        assert client.post(url, json=bad).status_code == 422, bad
    assert client.post(f"{API}/regions/610921/cases", json=good).status_code == 404


def test_bank_account_change(client: TestClient, ds: Dataset) -> None:
    person_id = first_person_in(ds, HANBIN)
    url = f"{API}/regions/{HANBIN}/persons/{person_id}/bank-account"
    new_card = "622848000000000000" + luhn_check_digit("622848000000000000")  # 农行 BIN
    response = client.put(url, json={"bankCard": new_card, "operator": "op-3"})
    assert response.status_code == 200, response.text
    assert (response.json()["bankCard"], response.json()["bankName"]) == (new_card, "中国农业银行")
    assert client.get(f"{API}/regions/{HANBIN}/persons/{person_id}").json()["bankCard"] == new_card
    wrong = new_card[:-1] + str((int(new_card[-1]) + 1) % 10)
    full_width = new_card.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    for card in (wrong, full_width, "12345"):
        assert client.put(url, json={"bankCard": card, "operator": "op-3"}).status_code == 422
    # Writes are private to the app instance (and the source data set is untouched).
    assert ds.persons[person_id].bank_card != new_card
    with TestClient(create_app(ds)) as other:
        assert other.get(f"{API}/regions/{HANBIN}/persons/{person_id}").json()["bankCard"] != new_card
