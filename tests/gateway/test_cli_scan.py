"""`minguard scan`: the offline check of an export (classifiers' issue, item 6)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import openpyxl
import pytest
from typer.testing import CliRunner

from classifiers.mediatypes import DOCUMENT, WORKBOOK
from gateway import cli_scan
from gateway.cli import app
from gateway.devsetup import init_dev
from support.synth_people import make_card, make_id, make_mobile

runner = CliRunner()
ID = make_id("610902", "19491231", "002")
MOBILE = make_mobile(7)
CARD = make_card()
RECORD = {
    "xm": "张伟",
    "sfzh": ID,
    "lxdh": MOBILE,
    "jtzz": "陕西省安康市汉滨区江北街道育才路12号3单元402室",
    "lsh": "202611300001",
}


def _document(tmp_path: Path) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"data": {"records": [RECORD]}}, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_file_is_masked_by_the_most_restrictive_profile_and_reported(tmp_path: Path) -> None:
    report = tmp_path / "findings.json"
    result = runner.invoke(app, ["scan", str(_document(tmp_path)), "--findings", str(report)])
    assert result.exit_code == 0, result.output
    masked = json.loads(result.stdout_bytes)["data"]["records"][0]
    assert masked == {
        "xm": "[已屏蔽]",
        "sfzh": "[已屏蔽]",
        "lxdh": "[已屏蔽]",
        "jtzz": "[已屏蔽]",
        "lsh": "202611300001",
    }
    assert "重要数据" in result.stderr
    text = report.read_text(encoding="utf-8")
    assert all(value not in text for value in (ID, MOBILE, "张伟", "育才路"))  # paths and spans, never values
    found = json.loads(text)
    assert found["profile"] == "strict" and found["media_type"] == "application/json"
    assert (found["level"], found["level_zh"], found["records"], found["id_numbers"]) == ("important", "重要数据", 1, 1)
    assert found["entity_counts"] == {"ADDRESS": 1, "MOBILE": 1, "PERSON_NAME": 1, "RESIDENT_ID": 1}
    assert {(f["path"], f["entity"], f["start"], f["end"], f["evidence"]) for f in found["findings"]} >= {
        ("$.data.records[0].sfzh", "RESIDENT_ID", 0, 18, "pattern+checksum+key:sfzh"),
        ("$.data.records[0].xm", "PERSON_NAME", 0, 2, "key:xm"),
    }


def test_stdin_csv_with_evasions_under_a_named_profile() -> None:
    wide = MOBILE.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    spaced = "\u200b".join(ID)
    body = f"姓名,身份证号,联系电话,金额\n李娜,{spaced},{wide},1200.50\n"
    result = runner.invoke(app, ["scan", "--profile", "caseworker"], input=body.encode())
    assert result.exit_code == 0, result.output
    lines = result.stdout_bytes.decode().splitlines()
    assert lines[0] == "姓名,身份证号,联系电话,金额"
    name, id_number, phone, amount = lines[1].split(",")
    assert name == "李**" and amount == "1200.50"
    assert id_number.replace("\u200b", "").startswith("610902") and ID[6:14] not in id_number.replace("\u200b", "")
    assert phone == f"{MOBILE[:3]}****{MOBILE[-4:]}"  # the mask is written over the folded digits


def test_a_gbk_export_comes_back_in_gbk() -> None:
    body = f"姓名,身份证号\n王芳,{ID}\n".encode("gbk")
    result = runner.invoke(app, ["scan", "--format", "csv"], input=body)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.decode("gbk") == "姓名,身份证号\n[已屏蔽],[已屏蔽]\n"


@pytest.mark.parametrize(
    ("body", "fail_on", "code"),
    [
        (json.dumps({"data": {"records": [RECORD]}}, ensure_ascii=False), "important", 3),
        (json.dumps({"data": {"records": [RECORD]}}, ensure_ascii=False), "core", 0),
        ('{"code": 0, "total": 12, "status": "已发放"}', "important", 0),
    ],
)
def test_fail_on_exits_3_when_the_level_is_reached(body: str, fail_on: str, code: int) -> None:
    result = runner.invoke(app, ["scan", "--format", "json", "--fail-on", fail_on], input=body.encode())
    assert result.exit_code == code, result.output


def test_the_encrypting_profile_needs_its_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = json.dumps({"xm": "张伟", "yhkh": CARD}, ensure_ascii=False).encode()
    monkeypatch.chdir(tmp_path)  # the default keys.dir is var/keys under the working directory
    missing = runner.invoke(app, ["scan", "--profile", "reviewer", "--format", "json"], input=body)
    assert missing.exit_code == 2
    assert "脱敏密钥不可用" in missing.stderr and "encrypt-k1.key" in missing.stderr
    assert CARD not in missing.stdout  # nothing is written when the document cannot be masked
    env = init_dev(tmp_path / "dev")  # a dev config: its keys are made at first use
    done = runner.invoke(app, ["scan", "-c", str(env.config), "--profile", "reviewer", "--format", "json"], input=body)
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout_bytes)["yhkh"].startswith("enc:k1:")


@pytest.mark.parametrize(
    ("args", "body", "message"),
    [
        (["--format", "json"], b'{"xm": "\xe5\xbc\xa0', "无法检查该文档"),
        (["--format", "pdf"], b"x", "unknown format 'pdf'"),
        (["--profile", "nosuch"], b"x", "no masking profile 'nosuch'"),
        (["--fail-on", "secret"], b"x", "unknown data level 'secret'"),
        (["/nonexistent/export.csv"], b"", "无法读取输入"),
    ],
)
def test_what_cannot_be_scanned_is_refused_with_exit_code_2(args: list[str], body: bytes, message: str) -> None:
    result = runner.invoke(app, ["scan", *args], input=body)
    assert result.exit_code == 2 and message in result.output, result.output
    assert result.stdout_bytes == b""


def test_an_input_over_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_scan, "MAX_SCAN_BYTES", 64)
    result = runner.invoke(app, ["scan"], input=b"x" * 65)
    assert result.exit_code == 2 and "超过 64 字节" in result.stderr
    assert runner.invoke(app, ["scan"], input=b"x" * 64).exit_code == 0


def test_records_are_counted_as_the_gateway_counts_them(tmp_path: Path) -> None:
    people = [{"xm": "张伟", "sfzh": make_id("610902", "19600101", f"{i:03d}")} for i in range(60)]
    report = tmp_path / "findings.json"
    body = json.dumps({"payload": {"entries": people}}, ensure_ascii=False).encode()
    result = runner.invoke(app, ["scan", "--findings", str(report), "--fail-on", "core"], input=body)
    assert result.exit_code == 3, result.output  # 60 persons: core data (volume rule)
    found = json.loads(report.read_text(encoding="utf-8"))
    assert (found["level"], found["records"], found["id_numbers"]) == ("core", 60, 60)
    assert "volume:>=50" in found["reasons"]


def test_entities_the_config_declares_are_masked(tmp_path: Path) -> None:
    config = tmp_path / "minguard.yaml"
    config.write_text(
        "inspection:\n  custom_entities:\n    DIBAO_CERT:\n      description: 低保证号\n"
        "      patterns: [{regex: 'DB[0-9]{10}'}]\n      pinyin: [dbzh]\n",
        encoding="utf-8",
    )
    body = json.dumps({"dbzh": "6109020001", "bz": "低保证DB6109020001已发放"}, ensure_ascii=False).encode()
    report = tmp_path / "findings.json"
    args = ["scan", "-c", str(config), "--format", "json", "--profile", "statistician", "--findings", str(report)]
    result = runner.invoke(app, args, input=body)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout_bytes) == {"dbzh": "<DIBAO_CERT>", "bz": "低保证<DIBAO_CERT>已发放"}
    assert json.loads(report.read_text(encoding="utf-8"))["entity_counts"] == {"DIBAO_CERT": 2}


def _workbook() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "身份证号码", "联系电话", "流水号"])
    sheet.append([RECORD["xm"], RECORD["sfzh"], int(MOBILE), RECORD["lsh"]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("how", ["file", "stdin", "file-without-suffix"])
def test_an_xlsx_export_comes_back_masked_as_a_workbook(tmp_path: Path, how: str) -> None:
    body = _workbook()
    if how == "stdin":
        result = runner.invoke(app, ["scan", "--profile", "caseworker"], input=body)
    else:
        path = tmp_path / ("export.xlsx" if how == "file" else "export")
        path.write_bytes(body)
        result = runner.invoke(app, ["scan", "--profile", "caseworker", str(path)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(io.BytesIO(result.stdout_bytes)).active
    assert sheet is not None
    assert list(sheet.iter_rows(values_only=True))[1] == (
        "张**",
        f"{ID[:6]}********{ID[-4:]}",
        f"{MOBILE[:3]}****{MOBILE[-4:]}",
        RECORD["lsh"],
    )


@pytest.mark.parametrize("how", ["file", "stdin", "file-without-suffix"])
def test_a_docx_form_comes_back_masked_as_a_document(tmp_path: Path, how: str) -> None:
    document = docx.Document()
    form = document.add_table(rows=2, cols=2)
    for r, (label, value) in enumerate([("姓名", RECORD["xm"]), ("身份证号", RECORD["sfzh"])]):
        form.cell(r, 0).text, form.cell(r, 1).text = label, value
    out = io.BytesIO()
    document.save(out)
    if how == "stdin":
        result = runner.invoke(app, ["scan", "--profile", "caseworker"], input=out.getvalue())
    else:
        path = tmp_path / ("审批表.docx" if how == "file" else "审批表")
        path.write_bytes(out.getvalue())
        result = runner.invoke(app, ["scan", "--profile", "caseworker", str(path)])
    assert result.exit_code == 0, result.output
    table = docx.Document(io.BytesIO(result.stdout_bytes)).tables[0]
    assert [cell.text for row in table.rows for cell in row.cells] == [
        "姓名",
        "张**",
        "身份证号",
        f"{ID[:6]}********{ID[-4:]}",
    ]


def test_the_office_types_are_the_inspectors() -> None:
    assert (cli_scan.WORKBOOK, cli_scan.DOCUMENT) == (WORKBOOK, DOCUMENT)
