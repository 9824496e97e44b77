#!/bin/sh
# check-install.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1
source=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/secretdesk-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. cmake --install into a temporary root: exactly the expected files.
DESTDIR="$work/root" cmake --install "$build" --prefix /usr >/dev/null
(cd "$work/root" && find . -type f | sed 's|^\.||' | sort) > "$work/installed.txt"
sort "$source/tests/install/expected-files.txt" > "$work/expected.txt"
diff -u "$work/expected.txt" "$work/installed.txt" || fail "installed files differ from tests/install/expected-files.txt"

# 2. The ecosystem's validators.
desktop-file-validate "$work/root/usr/share/applications/io.github.secretdesk.Secretdesk.desktop" \
    | grep -v "^.*: hint:" && fail "desktop-file-validate reported problems" || true
desktop-file-validate "$work/root/usr/share/applications/io.github.secretdesk.Secretdesk.desktop" >/dev/null \
    || fail "desktop-file-validate failed"
appstreamcli validate --no-net "$work/root/usr/share/metainfo/io.github.secretdesk.Secretdesk.metainfo.xml" \
    || fail "appstreamcli validate failed"

# 3. The installed binaries run, and every command of --help is in the man page and each completion.
cli="$work/root/usr/bin/secretdesk-cli"
"$cli" --version | grep -q "^secretdesk-cli " || fail "--version"
"$cli" --help > "$work/help.txt"
commands=$(sed -n '/^Commands:/,/^$/p' "$work/help.txt" | awk 'NR>1 && NF {print $1}')
[ -n "$commands" ] || fail "no commands in --help"
man -l "$work/root/usr/share/man/man1/secretdesk-cli.1" > "$work/man.txt" 2>"$work/man.err"
[ -s "$work/man.err" ] && { cat "$work/man.err"; fail "man page warnings"; }
for c in $commands; do
    grep -q "^       $c" "$work/man.txt" || fail "man page lacks command $c"
    for f in share/bash-completion/completions/secretdesk-cli share/zsh/vendor-completions/_secretdesk-cli \
             share/fish/vendor_completions.d/secretdesk-cli.fish; do
        grep -qw -- "$c" "$work/root/usr/$f" || fail "$f lacks command $c"
    done
done
grep -q "Exit codes" "$work/help.txt" || fail "--help lacks exit codes"
grep -q "^EXIT STATUS" "$work/man.txt" || fail "man page lacks EXIT STATUS"

# 4. Completions work in real shells: commands, profiles and secret names (from a catalog, no values).
export XDG_DATA_HOME="$work/data" PATH="$work/root/usr/bin:$PATH"
mkdir -p "$XDG_DATA_HOME/secretdesk"
cat > "$XDG_DATA_HOME/secretdesk/catalog.json" <<'JSON'
{"format":"secretdesk-catalog","version":1,"profiles":{"default":{"secrets":{"GITHUB_ACCESS_TOKEN":{},"GCP_CREDENTIALS":{}}},"prod":{"secrets":{"PROD_ONLY":{}}}}}
JSON
bash_complete() {
    bash -c ". /usr/share/bash-completion/bash_completion; . '$work/root/usr/share/bash-completion/completions/secretdesk-cli'
        COMP_WORDS=($1); COMP_CWORD=\$((\${#COMP_WORDS[@]} - 1)); COMP_LINE='$1'; COMP_POINT=\${#COMP_LINE}
        _secretdesk_cli; printf '%s\n' \"\${COMPREPLY[@]}\""
}
bash_complete "secretdesk-cli ge" | grep -qx get || fail "bash: command completion"
bash_complete "secretdesk-cli get G" | grep -qx GCP_CREDENTIALS || fail "bash: name completion"
bash_complete "secretdesk-cli --profile prod get P" | grep -qx PROD_ONLY || fail "bash: profile-aware names"
bash_complete "secretdesk-cli --profile p" | grep -qx prod || fail "bash: profile completion"
fish -c "source '$work/root/usr/share/fish/vendor_completions.d/secretdesk-cli.fish'; complete -C'secretdesk-cli get G'" \
    | cut -f1 | grep -qx GCP_CREDENTIALS || fail "fish: name completion"
fish -c "source '$work/root/usr/share/fish/vendor_completions.d/secretdesk-cli.fish'; complete -C'secretdesk-cli pro'" \
    | cut -f1 | grep -qx profiles || fail "fish: command completion"
zsh -n "$work/root/usr/share/zsh/vendor-completions/_secretdesk-cli" || fail "zsh: syntax"

# 5. The Debian package: built by CPack, its files and dependencies, and it runs from its own root.
(cd "$work" && cpack --config "$build/CPackConfig.cmake" -B "$work/pkg" >/dev/null)
deb=$(ls "$work"/pkg/secretdesk_*.deb)
dpkg-deb -f "$deb" Depends | grep -q libqt6keychain1 || fail "deb: Depends lacks libqt6keychain1"
dpkg-deb -f "$deb" Depends | grep -q libsecret-1-0 || fail "deb: Depends lacks libsecret-1-0"
dpkg-deb -c "$deb" | awk '{print $6}' | grep -v '/$' | sed 's|^\.||' | sort > "$work/deb-files.txt"
diff -u "$work/expected.txt" "$work/deb-files.txt" || fail "deb file list differs"
dpkg-deb -x "$deb" "$work/debroot"
"$work/debroot/usr/bin/secretdesk-cli" --version >/dev/null || fail "deb: secretdesk-cli --version"
"$work/debroot/usr/bin/secretdesk-cli" --help >/dev/null || fail "deb: secretdesk-cli --help"
if [ "${CI:-}" = true ] && [ "$(id -u)" = 0 ]; then
    # On CI's throwaway machine: a real dpkg install and removal.
    dpkg -i "$deb" >/dev/null && /usr/bin/secretdesk-cli --version >/dev/null && dpkg -r secretdesk >/dev/null \
        || fail "dpkg -i / -r"
fi
echo "install checks: 1 passed, 0 failed"
