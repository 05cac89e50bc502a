"""Pass/fail bookkeeping shared by the check scripts: each prints `N passed, M failed` at the
end (the closing line CI reads) and exits non-zero when anything failed; and scratch directories
that are removed when the script ends."""
import atexit
import shutil
import sys
import tempfile

passed, failed = 0, 0


def expect(condition, what):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {what}", file=sys.stderr)


def finish():
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def scratch_directory(prefix):
    """A new temporary directory, removed when the script exits."""
    directory = tempfile.mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    return directory
