package rules

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// valueOf decodes src and returns the scalar at key "k" of the root mapping.
func valueOf(t *testing.T, src string) (*decoder, *yaml.Node) {
	t.Helper()
	d := newDecoder("t.yaml", []byte(src))
	root := d.parseDocument()
	require.Empty(t, d.errs)
	require.NotNil(t, root)
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "k" {
			return d, root.Content[i+1]
		}
	}
	t.Fatal("no key k")
	return nil, nil
}

// exprPos must find, for a character of the decoded value, the line and
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
			line, col := d.exprPos(n, n.Value, len([]rune(n.Value[:i])))
			assert.Equal(t, [2]int{tc.line, tc.col}, [2]int{line, col})
		})
	}
	t.Run("offset past the end stays on the value's last line", func(t *testing.T) {
		d, n := valueOf(t, "k: ab\n")
		line, _ := d.exprPos(n, n.Value, 99)
		assert.Equal(t, 1, line)
	})
}

func TestJoinQuotesUnusualKeys(t *testing.T) {
	assert.Equal(t, "tiers", join("", "tiers"))
	assert.Equal(t, "tiers.looker-premier", join("tiers", "looker-premier"))
	assert.Equal(t, "permissions.cases.create", join("permissions", "cases.create"))
	assert.Equal(t, `tiers."Bad Tier"`, join("tiers", "Bad Tier"))
	assert.Equal(t, `x.""`, join("x", ""))
	assert.Equal(t, "rules[2]", index("rules", 2))
}

func TestPlainKey(t *testing.T) {
	tests := []struct {
		key  string
		want bool
	}{
		{"tiers", true}, {"P1", true}, {"_x", true}, {"9to5", true},
		{"a.b/c-d_e", true}, {"", false}, {"-a", false}, {".a", false},
		{"/a", false}, {"a b", false}, {"é", false}, {"a:b", false},
	}
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			assert.Equal(t, tc.want, plainKey(tc.key))
			assert.Equal(t, tc.want, regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_./-]*$`).MatchString(tc.key), "the pattern plainKey implements")
		})
	}
}

func TestDecoderMappings(t *testing.T) {
	t.Run("aliases are followed", func(t *testing.T) {
		d := newDecoder("t.yaml", []byte("a: &x {p: 1}\nb: *x\n"))
		root := d.parseDocument()
		fields := d.mapping(root, "", []string{"a", "b"})
		require.Len(t, fields, 2)
		inner := d.mapping(fields[1].vn, fields[1].path, []string{"p"})
		require.Len(t, inner, 1)
		assert.Equal(t, "1", inner[0].vn.Value)
		assert.Empty(t, d.errs)
	})
	t.Run("merge keys are rejected", func(t *testing.T) {
		d := newDecoder("t.yaml", []byte("a: &x {p: 1}\nb:\n  <<: *x\n"))
		root := d.parseDocument()
		fields := d.mapping(root, "", nil)
		d.mapping(fields[1].vn, fields[1].path, nil)
		require.Len(t, d.errs, 1)
		assert.Equal(t, "t.yaml:3:3: b: merge keys (<<) are not supported", d.errs[0].Error())
	})
	t.Run("non-scalar keys are rejected", func(t *testing.T) {
		d := newDecoder("t.yaml", []byte("? [a]\n: 1\n"))
		root := d.parseDocument()
		d.mapping(root, "", nil)
		require.Len(t, d.errs, 1)
		assert.Equal(t, "t.yaml:1:3: keys must be scalars", d.errs[0].Error())
	})
	t.Run("duplicate list values", func(t *testing.T) {
		d := newDecoder("t.yaml", []byte("k: [en, fr, en]\n"))
		root := d.parseDocument()
		fields := d.mapping(root, "", nil)
		assert.Equal(t, []string{"en", "fr"}, d.strings(fields[0]))
		require.Len(t, d.errs, 1)
		assert.Equal(t, `t.yaml:1:13: k[2]: duplicate value "en"`, d.errs[0].Error())
	})
	t.Run("null where a scalar is required", func(t *testing.T) {
		d := newDecoder("t.yaml", []byte("k:\n"))
		root := d.parseDocument()
		fields := d.mapping(root, "", nil)
		_, ok := d.str(fields[0])
		assert.False(t, ok)
		require.Len(t, d.errs, 1)
		assert.Equal(t, "t.yaml:1:3: k: must be a scalar, got null", d.errs[0].Error())
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
		t.Run(tc.name, func(t *testing.T) {
			d := newDecoder("t.yaml", []byte(tc.src))
			assert.Nil(t, d.parseDocument())
			require.Len(t, d.errs, 1)
			assert.Equal(t, tc.want, d.errs[0].Error())
		})
	}
}

func TestExprOffset(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
		want      int
	}{
		{"first line", "ab\ncd", 1, 1, 1},
		{"second line", "ab\ncdef", 2, 3, 6},
		{"multi-byte characters count once", "éé\nx", 2, 0, 3},
		{"past the last line", "ab", 3, 0, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, exprOffset(tc.src, tc.line, tc.col))
		})
	}
	t.Run("allocates nothing", func(t *testing.T) {
		src := strings.Repeat("é == x ||\n", 100) + "y"
		assert.Zero(t, testing.AllocsPerRun(10, func() { exprOffset(src, 101, 0) }))
	})
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
