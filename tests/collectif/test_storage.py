import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_media_go_to_s3_when_a_bucket_is_configured_and_stay_same_origin():
    code = (
        "import django; django.setup();"
        "from django.core.files.storage import storages; s = storages['default'];"
        "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.url('logos/ccem.png'))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "collectif.settings.base",
            "DJANGO_DEBUG": "1",
            "DJANGO_S3_BUCKET": "contrelatraite-media",
            "DJANGO_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "SameOriginS3Storage",
        "contrelatraite-media",
        "http://127.0.0.1:9000",
        "/media/logos/ccem.png",
    ]


def test_media_stay_on_disk_by_default():
    from django.core.files.storage import storages

    assert type(storages["default"]).__name__ == "FileSystemStorage"
