"""Backup and restore of the database and the media files, as one .tar.gz archive.

PostgreSQL is dumped with pg_dump's custom format and restored with pg_restore (both from the
PostgreSQL client tools); SQLite is copied with its online backup API. Media files are stored as
they are under `media/`."""

import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection

DATABASE_MEMBER = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    pass


def _pg_env_and_args():
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    args = ["--host", db.get("HOST") or "localhost", "--port", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    return env, args, db["NAME"]


def _run(command, env=None):
    try:
        # The commands are built here (pg_dump, psql), never from input.
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=3600)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL client tools)") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(error.stderr.decode(errors="replace").strip()) from error


def _dump_database(target):
    vendor = connection.vendor
    if vendor == "postgresql":
        env, args, name = _pg_env_and_args()
        _run(["pg_dump", "--format=custom", "--no-owner", *args, "--file", str(target), name], env)
    elif vendor == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        with destination:
            connection.connection.backup(destination)
        destination.close()
    else:
        raise BackupError(f"no backup method for {vendor}")


def _restore_database(source):
    vendor = connection.vendor
    if vendor == "postgresql":
        connection.close()
        env, args, name = _pg_env_and_args()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                *args,
                "--dbname",
                name,
                str(source),
            ],
            env,
        )
    elif vendor == "sqlite":
        connection.ensure_connection()
        origin = sqlite3.connect(source)
        with origin:
            origin.backup(connection.connection)
        origin.close()
    else:
        raise BackupError(f"no restore method for {vendor}")


def backup_create(*, archive):
    """Write the database and the media files into `archive` (.tar.gz); return its path."""
    archive = Path(archive)
    member = DATABASE_MEMBER.get(connection.vendor)
    if member is None:
        raise BackupError(f"no backup method for {connection.vendor}")
    with tempfile.TemporaryDirectory() as workdir:
        dump = Path(workdir) / member
        _dump_database(dump)
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(dump, arcname=member)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                tar.add(media, arcname="media")
    return archive


def backup_restore(*, archive):
    """Replace the database and the media files by those of `archive`."""
    member = DATABASE_MEMBER.get(connection.vendor)
    with tarfile.open(archive, "r:gz") as tar, tempfile.TemporaryDirectory() as workdir:
        names = tar.getnames()
        if member not in names:
            raise BackupError(
                f"the archive holds no {member} for this {connection.vendor} database"
            )
        tar.extractall(workdir, filter="data")
        _restore_database(Path(workdir) / member)
        extracted_media = Path(workdir) / "media"
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            shutil.rmtree(media)
        if extracted_media.is_dir():
            shutil.copytree(extracted_media, media)
        else:
            media.mkdir(parents=True, exist_ok=True)
