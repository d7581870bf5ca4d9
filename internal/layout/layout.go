// Package layout checks the source tree against the project's size bars: no
// non-test Go file over MaxFileLines lines and no function over MaxFuncLines
// lines, counted from the func keyword to its closing brace. Its test runs
// the check over the whole module, so a change that breaks a bar fails
// `go test ./...`. It also reads what the documentation lists (Packages,
// TableKeys, PackageComment), for tests that hold the docs to the code: its
// own test requires a row of the README's package table for every package.
// It is for tests only.
package layout

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The bars.
const (
	MaxFileLines = 400 // lines in one non-test .go file
	MaxFuncLines = 60  // lines of one function or method, func to closing brace
)

// Violation is one file or function over its bar.
type Violation struct {
	Pos   string // file:line (relative to the checked root)
	What  string // "file" or the function's name
	Lines int
	Limit int
}

func (v Violation) String() string {
	return fmt.Sprintf("%s: %s has %d lines (limit %d)", v.Pos, v.What, v.Lines, v.Limit)
}

// Check walks root and returns every violation of the bars in non-test Go
// files, sorted by position. Directories named testdata or starting with a
// dot are skipped.
func Check(root string) ([]Violation, error) {
	var out []Violation
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		vs, err := checkFile(root, path)
		out = append(out, vs...)
		return err
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Pos < out[j].Pos })
	return out, err
}

// checkFile returns the violations of one file.
func checkFile(root, path string) ([]Violation, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	rel, _ := filepath.Rel(root, path)
	var out []Violation
	if n := fset.File(f.Pos()).LineCount(); n > MaxFileLines {
		out = append(out, Violation{Pos: rel + ":1", What: "file", Lines: n, Limit: MaxFileLines})
	}
	ast.Inspect(f, func(n ast.Node) bool {
		var name string
		switch fn := n.(type) {
		case *ast.FuncDecl:
			name = fn.Name.Name
			if fn.Recv != nil && len(fn.Recv.List) == 1 {
				name = recvName(fn.Recv.List[0].Type) + "." + name
			}
		case *ast.FuncLit:
			name = "func literal"
		default:
			return true
		}
		start, end := fset.Position(n.Pos()).Line, fset.Position(n.End()).Line
		if lines := end - start + 1; lines > MaxFuncLines {
			out = append(out, Violation{Pos: fmt.Sprintf("%s:%d", rel, start), What: name, Lines: lines, Limit: MaxFuncLines})
		}
		return true
	})
	return out, nil
}

// recvName returns the type name of a method's receiver.
func recvName(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return recvName(t.X)
	case *ast.IndexExpr:
		return recvName(t.X)
	case *ast.IndexListExpr:
		return recvName(t.X)
	case *ast.Ident:
		return t.Name
	}
	return "?"
}
