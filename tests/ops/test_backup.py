"""Backup and restore, round trip, on a scratch database of this run's kind."""

from pathlib import Path

from .conftest import manage


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
