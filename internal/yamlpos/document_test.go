package yamlpos

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// valueOf decodes src and returns the scalar at key "k" of the root mapping.
func valueOf(t *testing.T, src string) (*Decoder, *yaml.Node) {
	t.Helper()
	d := NewDecoder("t.yaml", []byte(src), errKind)
	root := d.Document()
	require.Empty(t, d.Errors())
	require.NotNil(t, root)
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "k" {
			return d, root.Content[i+1]
		}
	}
	t.Fatal("no key k")
	return nil, nil
}

// ExprPos must find, for a character of the decoded value, the line and
// column where the character is written in the file, whatever the scalar
// style.
func TestExprPos(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		find      string // a substring of the decoded value
		line, col int    // where its first character is written
	}{
		{"plain", "k: case.x == 'a'\n", "x ==", 1, 9},
		{"single quoted with escaped quote", "k: 'a == ''b'' && case.x'\n", "case.x", 1, 19},
		{"double quoted with escape", "k: \"a == \\\"b\\\" && case.x\"\n", "case.x", 1, 19},
		{"literal block", "k: |\n  a &&\n    case.x\n", "case.x", 3, 5},
		{"literal block, first line", "k: |\n  a &&\n    case.x\n", "a &&", 2, 3},
		{"folded block", "k: >\n  a &&\n  case.x\n", "case.x", 3, 3},
		{"folded block keeping more-indented lines", "k: >\n  a &&\n    b\n  case.x\n", "case.x", 4, 3},
		{"flow mapping", "{k: case.x}\n", "case.x", 1, 5},
		{"multi-byte characters count as one column", "k: case.y == 'é' && case.x\n", "case.x", 1, 21},
		{"tab after the key", "k:\tcase.x\n", "case.x", 1, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, n := valueOf(t, tc.src)
			i := strings.Index(n.Value, tc.find)
			require.GreaterOrEqual(t, i, 0, "value %q", n.Value)
			line, col := d.ExprPos(n, n.Value, len([]rune(n.Value[:i])))
			assert.Equal(t, [2]int{tc.line, tc.col}, [2]int{line, col})
		})
	}
	t.Run("offset past the end stays on the value's last line", func(t *testing.T) {
		d, n := valueOf(t, "k: ab\n")
		line, _ := d.ExprPos(n, n.Value, 99)
		assert.Equal(t, 1, line)
	})
}

func TestYAMLSyntaxErrorsArePositioned(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unclosed flow sequence", "a: 1\nb: [x,\n", "t.yaml:2:1: yaml: did not find expected node content"},
		{"bad indentation", "a:\n  b: 1\n c: 2\n", "t.yaml:2:3: yaml: did not find expected key"},
		{"tab indentation", "a:\n\tb: 1\n", "t.yaml:2:1: yaml: a tab in the indentation: YAML indentation cannot use tabs, indent with spaces"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { requireSyntaxError(t, tc.src, tc.want) })
	}
}

// requireSyntaxError decodes src as t.yaml and requires that it yields no
// document and exactly one error, reading want, and returns that error.
func requireSyntaxError(t *testing.T, src, want string) error {
	t.Helper()
	d := NewDecoder("t.yaml", []byte(src), errKind)
	assert.Nil(t, d.Document())
	require.Len(t, d.Errors(), 1)
	assert.Equal(t, want, d.Errors()[0].Error())
	return d.Errors()[0]
}

func TestSplitLines(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"lf", "a\nb\n", []string{"a", "b", ""}},
		{"crlf", "a\r\nb\r\n", []string{"a", "b", ""}},
		{"cr", "a\rb", []string{"a", "b"}},
		{"mixed", "a\r\n\rb\nc", []string{"a", "", "b", "c"}},
		{"no break", "abc", []string{"abc"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, splitLines(tc.src))
		})
	}
}

// A tree built elsewhere is taken as the document, its tags checked.
func TestTree(t *testing.T) {
	d := NewDecoder("t.json", nil, errKind)
	root := &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1, Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Tag: "!!str", Value: "k", Line: 1, Column: 2},
		{Kind: yaml.ScalarNode, Tag: "!!binary", Style: yaml.TaggedStyle, Value: "x", Line: 1, Column: 7},
	}}
	assert.Same(t, root, d.Tree(root))
	require.Len(t, d.Errors(), 1)
	assert.Equal(t, "t.json:1:7: k: yaml tags are not supported: !!binary", d.Errors()[0].Error())
}
