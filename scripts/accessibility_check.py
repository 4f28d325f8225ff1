#!/usr/bin/python3
"""Walks the desktop app's AT-SPI tree as a screen reader sees it and lists every control a
person can operate that has no accessible name. Run by scripts/accessibility_check.sh, which
starts the app under Xvfb on a demo vault with the accessibility bus running.

It unlocks the vault through the accessibility API (typing into the passphrase field and
pressing Unlock), then opens the client and the session, checking each screen."""
import sys
import time

import pyatspi

INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_TEXT,
    pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TREE,
    pyatspi.ROLE_LIST, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_SLIDER, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_PROGRESS_BAR,
}


def find_app(name, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name and name in app.name.lower():
                return app
        time.sleep(0.5)
    sys.exit(f"accessibility check: no application called {name} on the bus")


def walk(node, out, depth=0):
    if node is None or depth > 60:
        return
    try:
        states = node.getState()
        if not states.contains(pyatspi.STATE_SHOWING):
            return
        out.append(node)
        for child in node:
            # Table cells are the model's data: the table itself carries the name.
            if node.getRole() in (pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_LIST):
                break
            walk(child, out, depth + 1)
    except Exception:
        return


def by_role_and_name(app, role, name):
    nodes = []
    walk(app, nodes)
    for n in nodes:
        if n.getRole() == role and name.lower() in (n.name or "").lower():
            return n
    return None


def check(app, screen):
    nodes = []
    walk(app, nodes)
    unnamed = [f"{n.getRoleName()} (in {n.parent.getRoleName() if n.parent else '-'})"
               for n in nodes if n.getRole() in INTERACTIVE and not (n.name or "").strip()]
    operable = sum(1 for n in nodes if n.getRole() in INTERACTIVE)
    print(f"{screen}: {operable} operable controls, {len(unnamed)} without a name")
    for u in unnamed:
        print(f"  unnamed: {u}")
    return len(unnamed)


def press(app, name):
    button = by_role_and_name(app, pyatspi.ROLE_PUSH_BUTTON, name)
    if button is None:
        sys.exit(f"accessibility check: no button '{name}'")
    button.queryAction().doAction(0)
    time.sleep(1.5)


def main():
    passphrase = sys.argv[1]
    app = find_app("noteward")
    time.sleep(1)
    failures = check(app, "unlock")
    field = by_role_and_name(app, pyatspi.ROLE_PASSWORD_TEXT, "passphrase")
    if field is None:
        sys.exit("accessibility check: no passphrase field")
    field.queryEditableText().setTextContents(passphrase)
    press(app, "unlock")
    time.sleep(2)
    failures += check(app, "clients")
    press(app, "open")
    failures += check(app, "client")
    press(app, "open session")
    time.sleep(2)
    failures += check(app, "session workspace")
    sys.exit(1 if failures else 0)


main()
