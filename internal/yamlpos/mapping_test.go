package yamlpos

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJoinQuotesUnusualKeys(t *testing.T) {
	assert.Equal(t, "tiers", Join("", "tiers"))
	assert.Equal(t, "tiers.looker-premier", Join("tiers", "looker-premier"))
	assert.Equal(t, "permissions.cases.create", Join("permissions", "cases.create"))
	assert.Equal(t, `tiers."Bad Tier"`, Join("tiers", "Bad Tier"))
	assert.Equal(t, `x.""`, Join("x", ""))
	assert.Equal(t, "rules[2]", Index("rules", 2))
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
		d := NewDecoder("t.yaml", []byte("a: &x {p: 1}\nb: *x\n"), errKind)
		root := d.Document()
		fields := d.Mapping(root, "", []string{"a", "b"})
		require.Len(t, fields, 2)
		inner := d.Mapping(fields[1].Value, fields[1].Path, []string{"p"})
		require.Len(t, inner, 1)
		assert.Equal(t, "1", inner[0].Value.Value)
		assert.Empty(t, d.Errors())
	})
	t.Run("merge keys are rejected", func(t *testing.T) {
		d := NewDecoder("t.yaml", []byte("a: &x {p: 1}\nb:\n  <<: *x\n"), errKind)
		root := d.Document()
		fields := d.Mapping(root, "", nil)
		d.Mapping(fields[1].Value, fields[1].Path, nil)
		require.Len(t, d.Errors(), 1)
		assert.Equal(t, "t.yaml:3:3: b: merge keys (<<) are not supported", d.Errors()[0].Error())
	})
	t.Run("non-scalar keys are rejected", func(t *testing.T) {
		d := NewDecoder("t.yaml", []byte("? [a]\n: 1\n"), errKind)
		root := d.Document()
		d.Mapping(root, "", nil)
		require.Len(t, d.Errors(), 1)
		assert.Equal(t, "t.yaml:1:3: keys must be scalars", d.Errors()[0].Error())
	})
}

// Duplicate keys are found in small mappings (by the keys before) and large
// ones (by a map) alike; a key that is not a scalar or a merge key is not a
// key a later one duplicates.
func TestDecoderMappingDuplicates(t *testing.T) {
	large := func(dup string) string {
		var b strings.Builder
		for i := range 2 * smallMapping {
			fmt.Fprintf(&b, "k%d: %d\n", i, i)
		}
		return b.String() + dup
	}
	tests := []struct {
		name, src string
		want      []string
		fields    int
	}{
		{"small, none", "a: 1\nb: 2\n", nil, 2},
		{"small, one", "a: 1\nb: 2\na: 3\n", []string{`t.yaml:3:1: a: duplicate key "a"`}, 2},
		{"small, twice", "a: 1\na: 2\na: 3\n", []string{`t.yaml:2:1: a: duplicate key "a"`, `t.yaml:3:1: a: duplicate key "a"`}, 1},
		{"small, after a list key", "? [a]\n: 1\na: 2\n", []string{"t.yaml:1:3: keys must be scalars"}, 1},
		{"large, none", large(""), nil, 2 * smallMapping},
		{"large, one", large("k3: x\n"), []string{fmt.Sprintf(`t.yaml:%d:1: k3: duplicate key "k3"`, 2*smallMapping+1)}, 2 * smallMapping},
		// An alias key is positioned at the anchored key it names.
		{"large, an alias key", "a: &x k1\n" + large("*x : 2\n"), []string{`t.yaml:1:4: k1: duplicate key "k1"`}, 2*smallMapping + 1},
		{"small, an alias key", "a: &x b\nb: 1\n*x : 2\n", []string{`t.yaml:1:4: b: duplicate key "b"`}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := NewDecoder("t.yaml", []byte(tc.src), errKind)
			fields := d.Mapping(d.Document(), "", nil)
			assert.Len(t, fields, tc.fields)
			var got []string
			for _, e := range d.Errors() {
				got = append(got, e.Error())
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

// A mapping read twice with the same keys (through an alias, or by two
// readers) reports its key errors once; with other keys known, the errors
// of those; a mapping without errors is not remembered.
func TestDecoderMappingReadAgain(t *testing.T) {
	d := NewDecoder("t.yaml", []byte("a: &x {p: 1, q: 2}\nb: *x\nc: {p: 1}\n"), errKind)
	root := d.Document()
	top := d.Mapping(root, "", nil)
	require.Len(t, top, 3)
	pOnly, qOnly := []string{"p"}, []string{"q"}
	d.Mapping(top[0].Value, top[0].Path, pOnly)
	d.Mapping(top[1].Value, top[1].Path, pOnly)
	d.Mapping(top[2].Value, top[2].Path, pOnly)
	d.Mapping(top[2].Value, top[2].Path, pOnly)
	d.Mapping(top[1].Value, top[1].Path, qOnly)
	var got []string
	for _, e := range d.Errors() {
		got = append(got, e.Error())
	}
	assert.Equal(t, []string{
		`t.yaml:1:14: a.q: unknown key "q" (want one of p)`,
		`t.yaml:1:8: b.p: unknown key "p" (want one of q)`,
	}, got)
	assert.Len(t, d.walked, 2, "the mappings read with errors, each with its known keys")
}
