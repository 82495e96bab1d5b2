#!/usr/bin/env python3
"""Replaces fully qualified class names written inline in Java sources by imports (the InlineQualifiedName rule
of src/checkstyle/checkstyle.xml). For the files listed in suppressions.xml, once nobody else is editing them:

    python3 src/checkstyle/import-inline-names.py src/main/java src/test/java
    # then delete the InlineQualifiedName lines of suppressions.xml and run: mvn -B -o checkstyle:check

Only code is changed, never strings or comments. A name is left qualified (and reported) where importing it would
clash: another class of that simple name is imported, declared in the file, or lives in the file's package.
Imports are added in sorted order among the non-static imports. Prints what it did per file.
"""
import os
import re
import sys

ROOTS = "java|javax|javafx|jdk|sun|com|org|io|net"
QUALIFIED = re.compile(r"(?<![\w.])((?:%s)\.(?:[a-z_]\w*\.)+)([A-Z]\w*)" % ROOTS)
DECLARED = re.compile(r"\b(?:class|interface|enum|record)\s+([A-Z]\w*)")


def code_mask(text):
    """A list of booleans: True where the character is code (not inside a string, char literal or comment)."""
    mask = [True] * len(text)
    i, n = 0, len(text)
    while i < n:
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
        elif text.startswith('"""', i):
            j = text.find('"""', i + 3)
            j = n if j < 0 else j + 3
        elif text[i] in "\"'":
            quote, j = text[i], i + 1
            while j < n and text[j] != quote:
                j += 2 if text[j] == "\\" else 1
            j += 1
        else:
            i += 1
            continue
        for k in range(i, min(j, n)):
            mask[k] = False
        i = j
    return mask


def fix(path):
    text = open(path, encoding="utf-8").read()
    package = re.search(r"^package\s+([\w.]+);", text, re.M)
    package = package.group(1) if package else ""
    folder = os.path.dirname(path)
    same_package = {f[:-5] for f in os.listdir(folder) if f.endswith(".java")}
    imports = dict()  # simple name -> qualified name
    for m in re.finditer(r"^import\s+([\w.]+)\.([A-Z]\w*);", text, re.M):
        imports[m.group(2)] = m.group(1) + "." + m.group(2)
    declared = set(DECLARED.findall(text))
    mask = code_mask(text)
    header_end = max([m.end() for m in re.finditer(r"^(?:package|import)\s[^\n]*\n", text, re.M)] or [0])
    edits, added, kept = [], [], []
    for m in QUALIFIED.finditer(text):
        if m.start() < header_end or not mask[m.start()]:
            continue
        pkg, simple = m.group(1)[:-1], m.group(2)
        qualified = pkg + "." + simple
        if pkg in ("java.lang", package):
            edits.append((m.start(), m.end(), simple))
            continue
        clash = (imports.get(simple, qualified) != qualified or simple in declared
                 or (simple in same_package and package + "." + simple != qualified))
        if clash:
            kept.append(qualified)
            continue
        if simple not in imports:
            imports[simple] = qualified
            added.append(qualified)
        edits.append((m.start(), m.end(), simple))
    if not edits:
        return
    for start, end, simple in reversed(edits):
        text = text[:start] + simple + text[end:]
    lines = text.split("\n")
    for qualified in sorted(set(added)):
        line = "import %s;" % qualified
        plain = [i for i, l in enumerate(lines) if l.startswith("import ") and not l.startswith("import static ")]
        if plain:
            pos = next((i for i in plain if lines[i] > line), plain[-1] + 1)
        else:
            pos = next(i for i, l in enumerate(lines) if l.startswith("package ")) + 1
            lines.insert(pos, "")
            pos += 1
        lines.insert(pos, line)
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines))
    print("%s: %d replaced, %d imports added%s" % (path, len(edits), len(set(added)),
                                                   "; left qualified: " + ", ".join(sorted(set(kept))) if kept else ""))


def main(folders):
    for folder in folders:
        for dirpath, _, files in os.walk(folder):
            for f in sorted(files):
                if f.endswith(".java"):
                    fix(os.path.join(dirpath, f))


if __name__ == "__main__":
    main(sys.argv[1:] or ["src/main/java", "src/test/java"])
