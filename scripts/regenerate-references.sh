#!/usr/bin/env bash
# Regenerates every output the repository commits (results/reference/, viz/*.png) after a change of the presets or of
# the engine that changes what runs compute. Examples and the sweeps whose tables the README quotes but does not
# commit are run into a scratch folder (first argument, default /tmp/anodekmc-regenerate) for their numbers.
# The README's and docs' numbers are then updated by hand from what this prints and writes.
# Takes about an hour on 2 cores. Usage: scripts/regenerate-references.sh [SCRATCH]
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${1:-/tmp/anodekmc-regenerate}
mkdir -p "$scratch"
kmc=./kmc

# The quickstart and the viewer's pictures of it.
rm -rf results/reference/quickstart
$kmc run configs/quickstart.yaml --out results/reference/quickstart
$kmc render results/reference/quickstart --frame 2 --out viz/viewer-nucleation.png
$kmc render results/reference/quickstart --out viz/viewer-final.png

# Examples: the README's tables and pictures.
for name in li-cu li-cu-zn-sa li-graphene-zn-sa na-graphene na-graphene-v-sa zn-n-graphene zn-n-graphene-sn-sa \
            li-cu-bcc110 zn-n-graphene-hcp zn-n-graphene-sn-sa-hcp zn-n-graphene-prismatic \
            dendrites-compact dendrites-ramified dendrites-sa \
            li-cycling-bare li-cycling-sa li-cu-fast-diffusion; do
  $kmc run "configs/examples/$name.yaml" --out "$scratch/$name" --overwrite
done
$kmc plot "$scratch/li-cu" --x capacity --out viz/plating-curve-li-cu.png
$kmc plot "$scratch/li-graphene-zn-sa" --x capacity --out viz/plating-curve-li-zn-sa.png
for name in li-cu-bcc110 zn-n-graphene-hcp zn-n-graphene-sn-sa-hcp zn-n-graphene-prismatic; do
  $kmc render "$scratch/$name" --out "viz/crystal-$name.png"
done
$kmc render "$scratch/dendrites-compact" --out viz/dendrites-compact.png
$kmc render "$scratch/dendrites-ramified" --out viz/dendrites-ramified.png
cp "$scratch/li-cycling-bare/cycles.png" viz/cycling-li-bare.png

# The reference sweeps and the validation set (committed).
for name in eta-vs-current eta-vs-sa-binding eta-vs-sa-density eta-vs-temperature eta-vs-temperature-li-thf \
            hosts-bare-vs-sa; do
  rm -rf "results/reference/sweeps/$name"
  $kmc sweep -q "configs/sweeps/$name.yaml" --out "results/reference/sweeps/$name"
done
rm -rf results/reference/validation-set
$kmc validation configs/validation/validation-set.yaml --out results/reference/validation-set

# Sweeps the README and docs/model.md quote (not committed).
for name in li-cu-lattices zn-hcp-texture-vs-current cycling-vs-sa-binding cycling-vs-current cycling-vs-temperature \
            eta-nuc-vs-box-li-cu eta-nuc-vs-terrace-barrier; do
  rm -rf "${scratch:?}/$name"
  $kmc sweep -q "configs/sweeps/$name.yaml" --out "$scratch/$name"
done
echo "regenerated; scratch runs in $scratch"
