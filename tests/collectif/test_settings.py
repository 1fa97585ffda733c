"""Settings read from the environment, and production's refusal to run unsafely."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_KEY = "a-production-secret-key-that-is-long-and-random-" + "k3y" * 10


def run_manage(*args, env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    env.update({"DJANGO_SETTINGS_MODULE": "collectif.settings.base", **env_overrides})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", env_overrides={"DJANGO_DEBUG": "0"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_deploy_check_passes_under_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": PRODUCTION_KEY,
            "DJANGO_ALLOWED_HOSTS": "contrelatraite.org",
            "DJANGO_TRUSTED_PROXIES": "1",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_check_reports_undeclared_proxies():
    """Unset, every visitor behind the proxy would share its address and its rate limits."""
    result = run_manage(
        "check",
        "--deploy",
        env_overrides={
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": PRODUCTION_KEY,
            "DJANGO_ALLOWED_HOSTS": "contrelatraite.org",
        },
    )
    assert result.returncode != 0
    assert "collectif.E001" in result.stderr
    assert "DJANGO_TRUSTED_PROXIES" in result.stderr


def test_debug_runs_without_secret_key_for_development():
    result = run_manage("check", env_overrides={"DJANGO_DEBUG": "1"})
    assert result.returncode == 0, result.stderr


def database_settings(**env_overrides):
    return printed_settings(
        "db = settings.DATABASES['default'];"
        "print(db['ENGINE'], db['NAME'], db['HOST'] or '-', db['CONN_MAX_AGE'])",
        **env_overrides,
    )


def printed_settings(statement, **env_overrides):
    code = "import django; django.setup(); from django.conf import settings;" + statement
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DJANGO_") and k not in ("DATABASE_URL", "REDIS_URL")
    }
    env.update({"DJANGO_SETTINGS_MODULE": "collectif.settings.base", "DJANGO_DEBUG": "1"})
    env.update(env_overrides)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_database_url_selects_postgresql():
    assert database_settings(
        DATABASE_URL="postgres://user:secret@db.example.org:5432/collectif"
    ) == ["django.db.backends.postgresql", "collectif", "db.example.org", "60"]


def test_sqlite_file_in_project_folder_by_default():
    engine, name, _host, _age = database_settings()
    assert engine == "django.db.backends.sqlite3"
    assert name == str(ROOT / "db.sqlite3")


def test_sessions_are_read_from_the_cache_only_when_it_is_shared():
    engine = "print(settings.SESSION_ENGINE)"
    assert printed_settings(engine) == ["django.contrib.sessions.backends.db"]
    assert printed_settings(engine, REDIS_URL="redis://127.0.0.1:6379/0") == [
        "django.contrib.sessions.backends.cached_db"
    ]


def test_https_behind_proxy_is_trusted_from_forwarded_proto(settings):
    assert settings.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")


def test_the_task_queue_is_the_database_by_default_and_rq_on_redis_when_asked():
    backend = "print(settings.TASKS['default']['BACKEND'], 'django_rq' in settings.INSTALLED_APPS)"
    assert printed_settings(backend) == ["django_tasks_db.DatabaseBackend", "False"]
    assert printed_settings(
        backend, DJANGO_TASKS_BACKEND="rq", REDIS_URL="redis://127.0.0.1:6379/0"
    ) == ["django_tasks_rq.RQBackend", "True"]
    without_redis = run_manage(
        "check", env_overrides={"DJANGO_DEBUG": "1", "DJANGO_TASKS_BACKEND": "rq", "REDIS_URL": ""}
    )
    assert without_redis.returncode != 0
    assert "DJANGO_TASKS_BACKEND=rq needs REDIS_URL" in without_redis.stderr
