#!/usr/bin/env python3
"""Swatinem/rust-cache's cleaning rules (src/cleanup.ts, src/workspace.ts, v2.9.x), in Python.

Runs inside the tarball-cache strategy's build container (bench/lib/tarball_job.sh):

  rust_cache_clean.py preclean TARGET
      restore.ts after a partial (restore-key) match: cleanTargetDir(target, [], checkTimestamp=true)
  rust_cache_clean.py save WORKSPACE TARGET CARGO_HOME
      save.ts before saving: packages = `cargo metadata --all-features` packages outside the
      workspace root; cleanTargetDir(target, packages); cleanRegistry(packages, crates=true)
      (cache-all-crates: false); cleanGit(packages). cleanBin is not needed: CARGO_HOME/bin is
      not archived here (rust-cache would archive it emptied of the runner's own binaries).

Behaviour is kept as upstream has it, including rmExcept returning after the first entry when
checkTimestamp is set.
"""
import json
import os
import shutil
import subprocess
import sys
import time

ONE_WEEK = 7 * 24 * 3600


def rm(path):
    try:
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.unlink(path)
    except OSError:
        pass


def rm_except(dir_name, keep_prefix, check_timestamp=False):
    try:
        entries = list(os.scandir(dir_name))
    except OSError:
        return
    for e in entries:
        if check_timestamp:
            try:
                if time.time() - e.stat().st_mtime > ONE_WEEK:
                    rm(e.path)
            except OSError:
                pass
            return  # upstream returns after the first entry
        name = e.name
        idx = name.rfind("-")
        if idx != -1:
            name = name[:idx]
        if name not in keep_prefix:
            rm(e.path)


def exists(p):
    return os.path.exists(p)


def clean_target_dir(target_dir, packages, check_timestamp=False):
    try:
        entries = list(os.scandir(target_dir))
    except OSError:
        return
    for e in entries:
        if e.is_dir(follow_symlinks=False):
            nested = exists(os.path.join(e.path, "CACHEDIR.TAG")) or exists(os.path.join(e.path, ".rustc_info.json"))
            try:
                if nested:
                    clean_target_dir(e.path, packages, check_timestamp)
                else:
                    clean_profile_target(e.path, packages, check_timestamp)
            except OSError:
                pass
        elif e.name != "CACHEDIR.TAG":
            rm(e.path)


def clean_profile_target(profile_dir, packages, check_timestamp=False):
    if os.path.basename(profile_dir) == "tests":
        clean_target_dir(os.path.join(profile_dir, "target"), packages, check_timestamp)
        clean_target_dir(os.path.join(profile_dir, "trybuild"), packages, check_timestamp)
        rm_except(profile_dir, {"target", "trybuild"}, check_timestamp)
        return
    rm_except(profile_dir, {"build", ".fingerprint", "deps"})
    keep_pkg = {p["name"] for p in packages}
    rm_except(os.path.join(profile_dir, "build"), keep_pkg, check_timestamp)
    rm_except(os.path.join(profile_dir, ".fingerprint"), keep_pkg, check_timestamp)
    keep_deps = set()
    for p in packages:
        for n in [p["name"]] + p["targets"]:
            name = n.replace("-", "_")
            keep_deps.add(name)
            keep_deps.add("lib" + name)
    rm_except(os.path.join(profile_dir, "deps"), keep_deps, check_timestamp)


def clean_registry_index_cache(dir_name, keep_pkg):
    empty = True
    for e in list(os.scandir(dir_name)):
        if e.is_dir(follow_symlinks=False):
            if clean_registry_index_cache(e.path, keep_pkg):
                rm(e.path)
            else:
                empty = False
        elif e.name in keep_pkg:
            empty = False
        else:
            rm(e.path)
    return empty


def clean_registry(cargo_home, packages, crates=True):
    rm(os.path.join(cargo_home, ".cargo", "credentials.toml"))
    index = os.path.join(cargo_home, "registry", "index")
    names = {p["name"] for p in packages}
    if os.path.isdir(index):
        for e in os.scandir(index):
            if e.is_dir():
                if exists(os.path.join(e.path, ".git")):
                    rm(os.path.join(e.path, ".cache"))
                else:
                    clean_registry_index_cache(e.path, names)
    if not crates:
        return
    keep_src = {f"{p['name']}-{p['version']}" for p in packages if p["name"].endswith("-sys")}
    src = os.path.join(cargo_home, "registry", "src")
    if os.path.isdir(src):
        for reg in os.scandir(src):
            if reg.is_dir():
                for e in os.scandir(reg.path):
                    if e.is_dir() and e.name not in keep_src:
                        rm(e.path)
    keep_crates = {f"{p['name']}-{p['version']}.crate" for p in packages}
    cache = os.path.join(cargo_home, "registry", "cache")
    if os.path.isdir(cache):
        for reg in os.scandir(cache):
            if reg.is_dir():
                for e in os.scandir(reg.path):
                    if e.is_file() and e.name not in keep_crates:
                        rm(e.path)


def clean_git(cargo_home, packages):
    co_path = os.path.join(cargo_home, "git", "checkouts")
    db_path = os.path.join(cargo_home, "git", "db")
    repos = {}
    for p in packages:
        if not p["path"].startswith(co_path):
            continue
        parts = p["path"][len(co_path) + 1:].split(os.sep)
        repos.setdefault(parts[0], set()).add(parts[1] if len(parts) > 1 else "")
    if os.path.isdir(db_path):
        for e in os.scandir(db_path):
            if e.name not in repos:
                rm(e.path)
    if os.path.isdir(co_path):
        for e in os.scandir(co_path):
            refs = repos.get(e.name)
            if refs is None:
                rm(e.path)
                continue
            if not e.is_dir():
                continue
            for r in os.scandir(e.path):
                if r.name not in refs:
                    rm(r.path)


def packages_outside(workspace):
    out = subprocess.run(["cargo", "metadata", "--all-features", "--format-version", "1"], cwd=workspace,
                         check=True, stdout=subprocess.PIPE).stdout
    meta = json.loads(out)
    pkgs = []
    for p in meta["packages"]:
        if p["manifest_path"].startswith(workspace):
            continue
        targets = [t["name"] for t in p["targets"] if any(k in ("lib", "proc-macro") for k in t["kind"])]
        pkgs.append({"name": p["name"], "version": p["version"], "targets": targets,
                     "path": os.path.dirname(p["manifest_path"])})
    return pkgs


def main(argv):
    if argv[:1] == ["preclean"] and len(argv) == 2:
        clean_target_dir(argv[1], [], check_timestamp=True)
        return 0
    if argv[:1] == ["save"] and len(argv) == 4:
        workspace, target, cargo_home = argv[1:]
        packages = packages_outside(workspace)
        clean_target_dir(target, packages)
        clean_registry(cargo_home, packages, crates=True)
        clean_git(cargo_home, packages)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
