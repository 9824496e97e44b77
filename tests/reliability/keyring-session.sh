#!/bin/sh
# keyring-session.sh: run by tst_keychainfaults inside its own scripts/with-keyring, so that
# stopping or locking this keyring never disturbs other tests. Prints the private session's bus
# address and its gnome-keyring-daemon's pid, then waits until stdin closes. On the way out it
# always resumes the daemon (the test may have stopped it), so that with-keyring can stop it.
gkd=$(pgrep -P "$PPID" -x gnome-keyring-d | head -n 1)
trap '[ -n "$gkd" ] && kill -CONT "$gkd" 2>/dev/null' EXIT
trap 'exit 1' INT TERM HUP
echo "KEYRING_PID=$gkd"
echo "DBUS_SESSION_BUS_ADDRESS=$DBUS_SESSION_BUS_ADDRESS"
echo "XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR"
echo READY
cat >/dev/null
