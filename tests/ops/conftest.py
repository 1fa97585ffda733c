"""Operations tests run manage.py and servers in subprocesses, on a scratch database of the same
kind as this run's (SQLite file, or a fresh PostgreSQL database when DATABASE_URL says so)."""

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
        # Named after this run's database, so that a run's leftovers are found by its name.
        name = f"{config['NAME'][:40]}_scratch_{uuid.uuid4().hex[:10]}"  # 63 at most
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
