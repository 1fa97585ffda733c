"""The client's real address, behind the proxies the site was told to trust.

Each proxy appends the address it received the request from to `X-Forwarded-For`, so the chain
`X-Forwarded-For` + `REMOTE_ADDR` ends with the proxies, the client just before them; whatever
is further left, the client wrote itself. `DJANGO_TRUSTED_PROXIES` says how to find the client:

- `none`: no proxy, `REMOTE_ADDR` is the client (the header is ignored);
- a number N: N proxies in front of the site, which only they can reach: the client is the
  (N+1)-th address from the right;
- addresses or networks (`10.0.0.2,172.16.0.0/12`): walking from the right, trusted proxies are
  skipped and the first other address is the client; a request whose `REMOTE_ADDR` is not a
  trusted proxy is taken at its word and its header ignored.

Unset, the header is ignored too, and `check --deploy` reports it (collectif/checks.py): behind
a proxy every visitor would otherwise have the proxy's address and share its rate limits."""

import ipaddress
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class TrustedProxies:
    count: int = 0
    networks: tuple = ()

    def client(self, chain):
        """The client's address in `chain` (X-Forwarded-For's hops, then REMOTE_ADDR)."""
        if self.networks:
            for position in range(len(chain) - 1, -1, -1):
                hop = _address(chain[position])
                if hop is None:  # a forged or broken hop: the proxy to its right is all we know
                    return chain[position + 1] if position + 1 < len(chain) else ""
                if not any(hop in network for network in self.networks):
                    return str(hop)
            return chain[0]
        client = chain[max(0, len(chain) - 1 - self.count)]
        return client if _address(client) is not None else chain[-1]


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


@lru_cache(maxsize=8)
def parse(value):
    """The setting's text as TrustedProxies (`none` or empty: no proxy)."""
    value = (value or "").strip().lower()
    if value in {"", "none", "0"}:
        return TrustedProxies()
    if value.isdigit():
        return TrustedProxies(count=int(value))
    try:
        networks = tuple(
            ipaddress.ip_network(item.strip(), strict=False) for item in value.split(",") if item
        )
    except ValueError as error:
        raise ImproperlyConfigured(
            f"DJANGO_TRUSTED_PROXIES: {error}. Give `none`, a number of proxies, or their "
            "addresses or networks separated by commas."
        ) from error
    return TrustedProxies(networks=networks)


def client_address(request):
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = parse(settings.TRUSTED_PROXIES)
    if not (proxies.count or proxies.networks):
        return remote
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    return proxies.client([hop for hop in forwarded if hop] + [remote])
