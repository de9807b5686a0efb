# Sourced by the other scripts: puts the pinned tools on PATH. The directory names carry the
# versions, so a version bump finds nothing and setup.sh builds the new one beside the old.
IE_TOOLS="${IE_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/ie-lifecycle/tools}"
export IE_TOOLS
for d in "$IE_TOOLS"/*/bin; do
  [ -d "$d" ] && PATH="$d:$PATH"
done
_ie_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PATH="$_ie_root/tools/node_modules/binaryen/bin:$PATH"
[ -d "$HOME/.cargo/bin" ] && PATH="$HOME/.cargo/bin:$PATH"
export PATH
# Trunk's update check would reach for the network; the value must be exactly `true`.
export TRUNK_SKIP_VERSION_CHECK=true
unset _ie_root
