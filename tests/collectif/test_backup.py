"""Backup and restore, round trip, on the database this suite runs on (in a scratch database)."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import dj_database_url
import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def scratch_env(tmp_path):
    """Environment for manage.py on a scratch database of the same kind as this run's."""
    url = os.environ.get("DATABASE_URL", "")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "collectif.settings.base",
            "DJANGO_DEBUG": "1",
            "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        }
    )
    if url.startswith("postgres"):
        config = dj_database_url.parse(url)
        name = f"backup_{uuid.uuid4().hex[:10]}"
        admin = [
            "psql",
            "-h",
            config["HOST"] or "localhost",
            "-p",
            str(config["PORT"] or 5432),
            "-U",
            config["USER"] or "postgres",
            "-d",
            "postgres",
            "-qc",
        ]
        subprocess.run([*admin, f"CREATE DATABASE {name}"], check=True, capture_output=True)
        env["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + name
        yield env
        subprocess.run([*admin, f"DROP DATABASE IF EXISTS {name}"], capture_output=True)
    else:
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'scratch.sqlite3'}"
        yield env


def manage(env, *args, stdin=None):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
    )


def shell(env, code):
    result = manage(env, "shell", "--no-imports", "-c", code)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_backup_then_restore_brings_back_database_and_media(scratch_env, tmp_path):
    assert manage(scratch_env, "migrate", "--no-input").returncode == 0
    media = Path(scratch_env["DJANGO_MEDIA_ROOT"])
    (media / "logos").mkdir(parents=True)
    (media / "logos" / "ccem.png").write_bytes(b"logo bytes")
    archive = tmp_path / "backup.tar.gz"
    result = manage(scratch_env, "backup", str(archive))
    assert result.returncode == 0, result.stderr
    assert archive.exists()

    # Lose data and files after the backup.
    shell(
        scratch_env, "from collectif.models import Page; Page.objects.filter(key='about').delete()"
    )
    (media / "logos" / "ccem.png").unlink()
    (media / "stray.txt").write_text("written after the backup")

    result = manage(scratch_env, "restore", str(archive), "--no-input")
    assert result.returncode == 0, result.stderr
    count = "from collectif.models import Page; print(Page.objects.filter(key='about').count())"
    assert shell(scratch_env, count) == "1"
    assert (media / "logos" / "ccem.png").read_bytes() == b"logo bytes"
    assert not (media / "stray.txt").exists()


def test_restore_refuses_a_missing_archive(scratch_env, tmp_path):
    result = manage(scratch_env, "restore", str(tmp_path / "nope.tar.gz"), "--no-input")
    assert result.returncode != 0
    assert "Restore failed" in result.stderr


def test_restore_asks_before_replacing_everything(scratch_env, tmp_path):
    result = manage(scratch_env, "restore", str(tmp_path / "x.tar.gz"), stdin="no\n")
    assert result.returncode != 0
    assert "Restore cancelled" in result.stderr
