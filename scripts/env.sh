# Sourced by the Makefile's recipes and the other scripts: puts the pinned tools on PATH. The
# directory names carry the versions, so a version bump finds nothing and setup.sh builds the new
# one beside the old.
# Plain POSIX sh: make runs its recipes with /bin/sh, which is dash on Debian and Ubuntu. A sourced
# script cannot find its own path in POSIX sh, so source it from the repository's root
# (`. scripts/env.sh`), as make and the scripts do. Sourcing it again changes nothing.
if [ ! -f scripts/env.sh ] || [ ! -f Trunk.toml ]; then
  echo "scripts/env.sh: source me from the repository's root, not from $(pwd)" >&2
  # shellcheck disable=SC2317 # exit: only when run instead of sourced
  return 1 2>/dev/null || exit 1
fi
IE_TOOLS="${IE_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/ie-lifecycle/tools}"
export IE_TOOLS
_ie_path_add() {
  # Puts $1 first on PATH and drops it from further down (splits PATH at ':' by hand: no IFS, no glob).
  _ie_rest=$PATH
  _ie_new=$1
  while [ -n "$_ie_rest" ]; do
    _ie_entry=${_ie_rest%%:*}
    case $_ie_rest in
      *:*) _ie_rest=${_ie_rest#*:} ;;
      *) _ie_rest= ;;
    esac
    if [ "$_ie_entry" != "$1" ]; then _ie_new=$_ie_new:$_ie_entry; fi
  done
  PATH=$_ie_new
}
for _ie_dir in "$IE_TOOLS"/*/bin; do
  if [ -d "$_ie_dir" ]; then _ie_path_add "$_ie_dir"; fi
done
_ie_path_add "$(pwd)/tools/node_modules/binaryen/bin"
if [ -d "$HOME/.cargo/bin" ]; then _ie_path_add "$HOME/.cargo/bin"; fi
export PATH
# Trunk's update check would reach for the network; the value must be exactly `true`.
export TRUNK_SKIP_VERSION_CHECK=true
unset _ie_dir _ie_rest _ie_new _ie_entry
unset -f _ie_path_add
# The shell remembers where it found each command; forget it, so that tools installed since are found.
hash -r 2>/dev/null || true
