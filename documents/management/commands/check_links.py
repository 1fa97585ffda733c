from django.core.management.base import BaseCommand, CommandError

from documents import services


class Command(BaseCommand):
    help = (
        "Check every registered link (official links of legal texts, and what other apps "
        "register in their contributions.py), record each status and list the broken ones."
    )

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=10.0, help="Seconds per request.")
        parser.add_argument("--workers", type=int, default=4, help="Requests run in parallel.")
        parser.add_argument(
            "--max-time", type=float, default=300.0, help="Seconds for the whole run, at most."
        )
        parser.add_argument("urls", nargs="*", help="Check only these addresses.")
        parser.add_argument(
            "--queue", action="store_true", help="Have a worker check them all (from cron)."
        )

    def handle(self, *args, **options):
        if options["timeout"] <= 0 or options["max_time"] <= 0 or options["workers"] < 1:
            raise CommandError("--timeout and --max-time must be positive, --workers at least 1.")
        if options["queue"]:
            from documents.tasks import check_links_task

            result = check_links_task.enqueue(
                timeout=options["timeout"],
                workers=options["workers"],
                max_time=options["max_time"],
            )
            self.stdout.write(f"Link check queued ({result.id}).")
            return
        run = services.link_checks_run(
            timeout=options["timeout"],
            workers=options["workers"],
            max_time=options["max_time"],
            urls=options["urls"] or None,
        )
        checked = len(run.results) - len(run.unchecked)
        self.stdout.write(f"{checked} links checked, {len(run.broken)} broken.")
        for result in run.broken:
            reason = f"HTTP {result.status_code}" if result.status_code else result.error
            self.stdout.write(self.style.ERROR(f"BROKEN {reason}: {result.url}"))
            for label in run.sources.get(result.url, []):
                self.stdout.write(f"    used by {label}")
        for result in run.results:
            if result.checked and result.ok and result.redirects:
                self.stdout.write(
                    f"redirected ({result.redirects}): {result.url} -> {result.final_url}"
                )
        if run.unchecked:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(run.unchecked)} links not checked: the run's time was up "
                    f"(--max-time {options['max_time']:g})."
                )
            )
