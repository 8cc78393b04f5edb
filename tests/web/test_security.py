"""Safe to expose: CSRF on every form, a strict policy for every page, the host check, accounts with a
login limit, upload limits, and no path outside the workspace read or written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from starlette.routing import Route

from readiness.errors import ReadinessError
from readiness.web.accounts import add_user, list_users, remove_user, verify
from readiness.web.app import routes
from readiness.web.server import make_settings
from readiness.web.workspace import OutsideWorkspace, Workspace
from tests.conftest import Run
from tests.web.conftest import Browser, copy_example


def post_routes() -> list[str]:
    paths = []
    for route in routes():
        if isinstance(route, Route) and "POST" in (route.methods or ()):
            path = route.path.replace("{ref:path}", "reports/general.answers.yaml")
            for name, value in (("{qid}", "ai_systems"), ("{index}", "0"), ("{job}", "1")):
                path = path.replace(name, value)
            paths.append(path)
    return paths


@pytest.mark.parametrize("path", post_routes())
def test_every_form_without_the_session_token_is_refused_and_changes_nothing(
    browser: Browser, path: str
) -> None:
    copy_example(browser.workspace, "general")
    before = (browser.workspace / "reports" / "general.answers.yaml").read_bytes()
    for data in ({}, {"csrf": "forged"}):
        response = browser.client.post(path, data={**data, "name": "x", "action": "save", "value": "NL"})
        assert response.status_code == 403, path
    assert (browser.workspace / "reports" / "general.answers.yaml").read_bytes() == before


def test_a_form_posted_from_another_site_is_refused(browser: Browser) -> None:
    response = browser.client.post(
        "/new",
        data={"csrf": browser.csrf, "name": "x", "questionnaire": "quickscan"},
        headers={"origin": "http://evil.example"},
    )
    assert response.status_code == 403


def test_every_page_carries_a_strict_policy(browser: Browser) -> None:
    response = browser.get("/")
    policy = response.headers["content-security-policy"]
    assert (
        "script-src 'self'" in policy
        and "'unsafe-inline'" not in policy
        and "frame-ancestors 'none'" in policy
    )
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cache-control"] == "no-store"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    assert (
        "<script>" not in response.text and " style=" not in response.text and "onclick" not in response.text
    )


def test_pages_use_no_asset_from_elsewhere(browser: Browser) -> None:
    copy_example(browser.workspace, "general")
    for url in (
        "/",
        "/new",
        "/clients",
        "/hub",
        "/hub/import",
        "/hub/brand",
        "/a/reports/general.answers.yaml/result",
    ):
        text = browser.get(url).text
        for attribute in ('src="http', "src='http", 'href="//', "url(http"):
            assert attribute not in text, (url, attribute)


def test_the_report_frame_has_its_own_narrow_policy(browser: Browser) -> None:
    ref = copy_example(browser.workspace, "general")
    response = browser.get(f"/a/{ref}/report/view.html")
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "script-src" not in policy and "default-src 'none'" in policy and "sandbox" in policy
    assert response.headers["x-frame-options"] == "SAMEORIGIN"


def test_another_host_name_is_refused_on_this_machine(browser: Browser) -> None:
    response = browser.client.get("/", headers={"host": "attacker.example:8000"})
    assert response.status_code == 421
    assert browser.client.get("/", headers={"host": "localhost:8000"}).status_code == 200


@pytest.mark.parametrize(
    "ref",
    [
        "../outside.answers.yaml",
        "reports/../../outside.answers.yaml",
        "/etc/passwd",
        "~/outside.answers.yaml",
        "reports/.hidden.answers.yaml",
        "reports\\..\\..\\outside.answers.yaml",
        "reports/a\x00.answers.yaml",
        "C:/outside.answers.yaml",
        "reports/link.answers.yaml",
        "reports/general.answers.yaml/../../../outside.answers.yaml",
        "reports/notes.txt",
    ],
)
def test_no_name_reaches_a_file_outside_the_workspace(tmp_path: Path, ref: str) -> None:
    root = tmp_path / "workspace"
    (root / "reports").mkdir(parents=True)
    (tmp_path / "outside.answers.yaml").write_text("secret")
    (root / "reports" / ".hidden.answers.yaml").write_text("x")
    (root / "reports" / "notes.txt").write_text("x")
    (root / "reports" / "link.answers.yaml").symlink_to(tmp_path / "outside.answers.yaml")
    with pytest.raises(OutsideWorkspace):
        Workspace(root).resolve(ref)


@pytest.mark.parametrize(
    "url",
    [
        "/a/..%2F..%2Foutside.answers.yaml/next",
        "/a/%2e%2e/%2e%2e/outside.answers.yaml/next",
        "/a/reports/%2e%2e%2f%2e%2e%2foutside.answers.yaml/download/yaml",
        "/a/%2Fetc%2Fpasswd/download/yaml",
        "/a/reports/link.answers.yaml/download/yaml",
        "/a/reports/x%00.answers.yaml/download/yaml",
        "/a/reports%5C..%5C..%5Coutside.answers.yaml/next",
        "/a/reports/general.answers.yaml/drafts/..%2F..%2F..%2Foutside.answers.yaml",
        "/hub/files/batch/..%2F..%2Foutside.answers.yaml",
        "/hub/files/..%2F..%2F/outside.answers.yaml",
        "/hub/files/batch/%2e%2e",
        "/static/..%2F..%2F..%2Fpyproject.toml",
        "/a/reports/general.answers.yaml/report/fonts/..%2F..%2Freport.css",
        "/hub/template/..%2F..%2Fetc.csv",
    ],
)
def test_encoded_and_linked_paths_in_addresses_reach_nothing_outside(
    browser: Browser, tmp_path: Path, url: str
) -> None:
    copy_example(browser.workspace, "general")
    (tmp_path / "outside.answers.yaml").write_text("secret: outside")
    (browser.workspace / "reports" / "link.answers.yaml").symlink_to(tmp_path / "outside.answers.yaml")
    response = browser.get(url)
    assert response.status_code in (303, 404, 405), (url, response.status_code)
    assert "secret" not in response.text


def test_an_upload_over_the_limit_is_refused_before_it_is_read(make_browser: Callable[..., Browser]) -> None:
    browser = make_browser(max_upload_bytes=1024)
    big = b"a,b\n" + b"1,2\n" * 1000
    response = browser.client.post(
        "/hub/import", data={"csrf": browser.csrf}, files={"file": ("big.csv", big, "text/csv")}
    )
    assert response.status_code == 413
    assert "larger than" in response.text


def test_a_form_body_over_its_limit_is_refused(browser: Browser) -> None:
    response = browser.client.post("/new", data={"csrf": browser.csrf, "name": "x" * 300_000})
    assert response.status_code == 413


def test_accounts_hash_their_passwords_and_removal_ends_them(tmp_path: Path) -> None:
    state = Workspace(tmp_path).state
    add_user(state, "consultant", "correct horse battery")
    assert [name for name, _ in list_users(state)] == ["consultant"]
    assert verify(state, "consultant", "correct horse battery")
    assert not verify(state, "consultant", "wrong password here")
    assert not verify(state, "nobody", "correct horse battery")
    assert b"correct horse" not in (state / "accounts.sqlite").read_bytes()
    assert oct((state / "accounts.sqlite").stat().st_mode & 0o777) == "0o600"
    with pytest.raises(ReadinessError, match="exists already"):
        add_user(state, "consultant", "another long password")
    with pytest.raises(ReadinessError, match="at least 12"):
        add_user(state, "other", "short")
    remove_user(state, "consultant")
    assert list_users(state) == []


def test_with_accounts_every_page_asks_for_a_sign_in_and_the_session_is_renewed(
    make_browser: Callable[..., Browser],
) -> None:
    browser = make_browser(login=True)
    add_user(Workspace(browser.workspace).state, "consultant", "correct horse battery")
    response = browser.get("/clients?q=acme")
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Fclients%3Fq%3Dacme"
    assert browser.client.post("/new", data={"name": "x"}).status_code == 403
    page = browser.get("/login")
    token = page.text.split('name="csrf" value="')[1].split('"')[0]
    before = browser.client.cookies.get("readiness_session_8000")
    response = browser.client.post(
        "/login",
        data={"csrf": token, "name": "consultant", "password": "correct horse battery", "next": "/clients"},
    )
    assert response.status_code == 303 and response.headers["location"] == "/clients"
    assert browser.client.cookies.get("readiness_session_8000") != before
    assert browser.get("/clients").status_code == 200
    remove_user(Workspace(browser.workspace).state, "consultant")
    assert browser.get("/clients").status_code == 303


def test_sign_in_failures_are_limited(make_browser: Callable[..., Browser]) -> None:
    browser = make_browser(login=True)
    add_user(Workspace(browser.workspace).state, "consultant", "correct horse battery")
    token = browser.get("/login").text.split('name="csrf" value="')[1].split('"')[0]
    codes = [
        browser.client.post(
            "/login", data={"csrf": token, "name": "consultant", "password": f"guess {n}"}
        ).status_code
        for n in range(6)
    ]
    assert codes == [401] * 5 + [429]
    right = browser.client.post(
        "/login", data={"csrf": token, "name": "consultant", "password": "correct horse battery"}
    )
    assert right.status_code == 429
    assert "Too many failed sign-ins" in right.text


def test_the_next_page_after_a_sign_in_is_never_another_site(make_browser: Callable[..., Browser]) -> None:
    browser = make_browser(login=True)
    add_user(Workspace(browser.workspace).state, "consultant", "correct horse battery")
    token = browser.get("/login").text.split('name="csrf" value="')[1].split('"')[0]
    response = browser.client.post(
        "/login",
        data={
            "csrf": token,
            "name": "consultant",
            "password": "correct horse battery",
            "next": "//evil.example/",
        },
    )
    assert response.headers["location"] == "/"


def test_a_server_other_machines_reach_needs_accounts_and_https(tmp_path: Path) -> None:
    with pytest.raises(ReadinessError, match="needs accounts"):
        make_settings(
            tmp_path, "0.0.0.0", 8000, certfile=None, keyfile=None, behind_proxy=False, questionnaire_dirs=()
        )
    add_user(Workspace(tmp_path).state, "consultant", "correct horse battery")
    with pytest.raises(ReadinessError, match="needs HTTPS"):
        make_settings(
            tmp_path, "0.0.0.0", 8000, certfile=None, keyfile=None, behind_proxy=False, questionnaire_dirs=()
        )
    settings = make_settings(
        tmp_path, "0.0.0.0", 8000, certfile=None, keyfile=None, behind_proxy=True, questionnaire_dirs=()
    )
    assert settings.login and settings.https
    local = make_settings(
        tmp_path / "solo",
        "127.0.0.1",
        8000,
        certfile=None,
        keyfile=None,
        behind_proxy=False,
        questionnaire_dirs=(),
    )
    assert not local.login and not local.https


def test_secure_cookies_under_https(make_browser: Callable[..., Browser]) -> None:
    browser = make_browser(https=True)
    cookie = browser.get("/").headers["set-cookie"]
    assert cookie.startswith("__Host-readiness_session_8000=") and "Secure" in cookie


def test_users_from_the_command_line(run: Run, tmp_path: Path) -> None:
    result = run(
        ["users", "add", "anna", "--workspace", tmp_path, "--password-stdin"], input="a long enough secret\n"
    )
    assert result.exit_code == 0, result.output
    listed = run(["users", "list", "--workspace", tmp_path])
    assert listed.stdout.startswith("anna\t")
    short = run(["users", "add", "bert", "--workspace", tmp_path, "--password-stdin"], input="short\n")
    assert short.exit_code == 2 and "at least 12 characters" in short.stderr
    assert (
        run(
            ["users", "add", "Bad Name!", "--workspace", tmp_path, "--password-stdin"], input="x" * 20
        ).exit_code
        == 2
    )
    assert run(["users", "remove", "anna", "--workspace", tmp_path]).exit_code == 0
    missing = run(["users", "remove", "anna", "--workspace", tmp_path])
    assert missing.exit_code == 2 and "no account 'anna'" in missing.stderr


def test_serve_refuses_to_listen_on_the_network_without_accounts(run: Run, tmp_path: Path) -> None:
    result = run(["serve", "--workspace", tmp_path, "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "needs accounts" in result.stderr and "readiness users add" in result.stderr


def test_the_state_folder_is_private(browser: Browser) -> None:
    browser.get("/")
    mode = Workspace(browser.workspace).state.stat().st_mode & 0o777
    assert mode == 0o700


def test_serve_says_so_when_the_port_is_taken(run: Run, tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(["serve", "--workspace", tmp_path, "--port", port])
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr and f"--port {port + 1}" in result.stderr
