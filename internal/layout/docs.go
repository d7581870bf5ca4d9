package layout

import (
	"bufio"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// PackageComment returns the text of the package comment of the Go file at
// path (comment markers removed, as go/ast's CommentGroup.Text gives it). A
// file without one is an error.
func PackageComment(path string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", err
	}
	if f.Doc == nil {
		return "", fmt.Errorf("%s: no package comment", path)
	}
	return f.Doc.Text(), nil
}

// Packages returns the directories under root that hold a Go package (a
// .go file, tests included), as slash-separated paths relative to root
// ("." for root itself), sorted. Directories named testdata or starting with
// a dot are skipped, and so are nested modules (a directory with its own
// go.mod).
func Packages(root string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path == root {
				return nil
			}
			if d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".go") {
			rel, err := filepath.Rel(root, filepath.Dir(path))
			if err != nil {
				return err
			}
			if rel = filepath.ToSlash(rel); !slices.Contains(out, rel) {
				out = append(out, rel)
			}
		}
		return nil
	})
	slices.Sort(out)
	return out, err
}

// TableKeys returns the first cells of the rows of the first Markdown table
// under the heading (a line such as "## Packages") in the file at path,
// without their backquotes, the header row and its separator left out. It
// returns nil when the heading or the table is missing.
func TableKeys(path, heading string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var keys []string
	under, rows := false, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == heading:
			under = true
		case !under:
		case strings.HasPrefix(line, "|"):
			if rows++; rows > 2 {
				cell, _, _ := strings.Cut(strings.TrimPrefix(line, "|"), "|")
				keys = append(keys, strings.Trim(strings.TrimSpace(cell), "`"))
			}
		case rows > 0 || strings.HasPrefix(line, "#"):
			return keys, sc.Err()
		}
	}
	return keys, sc.Err()
}
