package rules

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// packageDoc parses the Go files of dir (tests included, so that examples
// are attached to what they show) into its documentation.
func packageDoc(t *testing.T, dir string) *doc.Package {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	fset := token.NewFileSet()
	var files []*ast.File
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, parser.ParseComments|parser.SkipObjectResolution)
		require.NoError(t, err)
		files = append(files, f)
	}
	p, err := doc.NewFromFiles(fset, files, "github.com/tiercel/tiercel/rules")
	require.NoError(t, err)
	return p
}

// bulletHead matches the names a bullet of the package comment starts with,
// up to its colon: "Deadline and Status" in "  - Deadline and Status: ...".
var bulletHead = regexp.MustCompile(`^\s*- ([^:]+):`)

// docQuestions returns the method names the bullets of a package comment
// start with, in order, a bullet's continuation lines joined to it.
func docQuestions(comment string) []string {
	var bullets []string
	in := false // the previous line belongs to a bullet
	for _, line := range strings.Split(comment, "\n") {
		switch {
		case strings.HasPrefix(strings.TrimSpace(line), "- "):
			bullets = append(bullets, line)
			in = true
		case in && strings.HasPrefix(line, "    "):
			bullets[len(bullets)-1] += " " + strings.TrimSpace(line)
		default:
			in = false
		}
	}
	var names []string
	for _, b := range bullets {
		m := bulletHead.FindStringSubmatch(b)
		if m == nil {
			continue
		}
		for _, part := range strings.Split(strings.ReplaceAll(m[1], " and ", ", "), ",") {
			names = append(names, strings.TrimSpace(part))
		}
	}
	return names
}

func engineMethods(t *testing.T, p *doc.Package) []*doc.Func {
	t.Helper()
	for _, typ := range p.Types {
		if typ.Name == "Engine" {
			return typ.Methods
		}
	}
	t.Fatal("no type Engine")
	return nil
}

// TestDocNamesEveryQuestion holds the package comment (go doc ./rules) to
// the Engine's method set: each exported method is named at the head of one
// of its bullets, and each name there is a method.
func TestDocNamesEveryQuestion(t *testing.T) {
	p := packageDoc(t, ".")
	named := docQuestions(p.Doc)
	var methods []string
	for _, m := range engineMethods(t, p) {
		methods = append(methods, m.Name)
		assert.Contains(t, named, m.Name, "doc.go: the package comment does not name (*Engine).%s at the head of a bullet", m.Name)
	}
	for _, n := range named {
		assert.Contains(t, methods, n, "doc.go: the package comment names %q, which is not a method of Engine", n)
	}
	for i, n := range named {
		assert.NotContains(t, named[i+1:], n, "doc.go: %s is named twice", n)
	}
}

// TestEveryQuestionHasAnExample requires a runnable ExampleEngine_Xxx with
// an Output for each Engine method that takes an input (the listings
// Tiers, Calendars, Rules, Actions and PriceVersion take none).
func TestEveryQuestionHasAnExample(t *testing.T) {
	p := packageDoc(t, ".")
	for _, m := range engineMethods(t, p) {
		if m.Decl.Type.Params.NumFields() == 0 {
			continue
		}
		t.Run(m.Name, func(t *testing.T) {
			i := slices.IndexFunc(m.Examples, func(e *doc.Example) bool { return e.Output != "" || e.EmptyOutput })
			assert.GreaterOrEqual(t, i, 0, "(*Engine).%s has no ExampleEngine_%s with an // Output: comment", m.Name, m.Name)
		})
	}
}

func TestDocQuestions(t *testing.T) {
	tests := []struct {
		name    string
		comment string
		want    []string
	}{
		{"one", "intro:\n\n  - Deadline: when\n    is it due?\n", []string{"Deadline"}},
		{"and", "  - Deadline and Status: when\n", []string{"Deadline", "Status"}},
		{"list", "  - Quote, QuotePeriod and PriceAt: cost\n", []string{"Quote", "QuotePeriod", "PriceAt"}},
		{"head on two lines", "  - Tiers, Tier and\n    Rules: what the catalog holds\n", []string{"Tiers", "Tier", "Rules"}},
		{"not a bullet", "Deadline: when\n\n\tcase  tier: x\n", nil},
		{"bullet ended by a blank line", "  - Timeline\n\n    Status: x\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, docQuestions(tt.comment))
		})
	}
}
