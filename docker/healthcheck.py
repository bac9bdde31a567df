"""The image's HEALTHCHECK: asks /healthz on the port gunicorn binds (PORT, as in
config/gunicorn.conf.py). Exit 0 when the site answers 200, 1 otherwise, with the reason."""

import os
import sys
import urllib.error
import urllib.request


def main():
    url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/healthz"
    try:
        with urllib.request.urlopen(url, timeout=4) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except OSError as exc:
        print(f"{url}: {exc}", file=sys.stderr)
        return 1
    if status != 200:
        print(f"{url}: HTTP {status}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
