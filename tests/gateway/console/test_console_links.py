"""Links the console builds from values of the trail (gateway/console/pages.py)."""

from __future__ import annotations

from gateway.console.pages import Pages

PAGES = Pages("/_minguard")


def test_a_user_id_is_one_path_segment_in_a_link() -> None:
    """Jinja's urlencode leaves "/" as it is: a subject "org/zhangwei" linked to
    /user/org/zhangwei, which is no user page."""
    event = {"user": {"id": "org/zhang wei?x", "roles": ["caseworker"]}}
    html = PAGES.render("events.html", events=[event])
    assert 'href="/_minguard/console/user/org%2Fzhang%20wei%3Fx"' in html
    alert = {"subjects": {"user.id": "org/zhangwei"}, "state": "new", "evidence": []}
    alerts = PAGES.render("alerts.html", alerts=[alert], states={"new": "新"}, state="open")
    assert 'href="/_minguard/console/user/org%2Fzhangwei"' in alerts


def test_a_user_id_with_chinese_characters_or_separators_is_one_segment() -> None:
    event = {"user": {"id": "张伟|民政:1", "roles": ["caseworker"]}}
    html = PAGES.render("events.html", events=[event])
    assert 'href="/_minguard/console/user/%E5%BC%A0%E4%BC%9F%7C%E6%B0%91%E6%94%BF%3A1"' in html
